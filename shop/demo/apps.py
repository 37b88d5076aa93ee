from django.apps import AppConfig


class DemoConfig(AppConfig):
    # No models: installed only so Django finds the `seed_demo` command.
    name = "shop.demo"
    label = "demo"
