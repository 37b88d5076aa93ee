"""Access function of the dashboard menu entry (settings import this: no model imports)."""


def staff_access_fn(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_authenticated and user.is_staff
