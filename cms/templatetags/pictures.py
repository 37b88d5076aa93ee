"""Wagtail's image tags for the storefront (``{% load pictures %}`` instead of
``wagtailimages_tags``), except that a picture whose original file is gone is left out of the
page, with a warning in the log, instead of printed as a broken image."""

from django import template
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

from cms.selectors import image_renditions

register = template.Library()
register.tags.update(wagtail_tags.register.tags)
register.filters.update(wagtail_tags.register.filters)


class PictureOrNothingNode(template.Node):
    """Asks for the renditions first; Wagtail's node then finds them on the image object and
    renders as usual. Without a file, it renders nothing and an ``as`` variable is None."""

    def __init__(self, node: wagtail_tags.ImageNode):
        self.node = node

    def render(self, context) -> str:
        image = self.node.validate_image(context)
        if image:
            if isinstance(self.node, wagtail_tags.SrcsetImageNode):
                specs = [spec.spec for spec in self.node.get_filters()]
            else:
                specs = [self.node.get_filter().spec]
            if not image_renditions(image=image, specs=specs):
                if self.node.output_var_name:
                    context[self.node.output_var_name] = None
                return ""
        return self.node.render(context)


@register.tag("image")
@register.tag("srcset_image")
@register.tag("picture")
def picture_or_nothing(parser, token) -> PictureOrNothingNode:
    return PictureOrNothingNode(wagtail_tags.image(parser, token))
