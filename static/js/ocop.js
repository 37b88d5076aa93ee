/* Storefront niceties that need a script; the pages work without it. */
(function () {
    "use strict";

    // Rows of links that scroll sideways on narrow screens (the header's groups, a category
    // page's subgroups): bring the current link into view instead of leaving it off-screen.
    function revealCurrent(listSelector, currentSelector, align) {
        var list = document.querySelector(listSelector);
        var current = list && list.querySelector(currentSelector);
        if (!current || list.scrollWidth <= list.clientWidth) {
            return;
        }
        var item = current.parentNode;
        var offset = item.offsetLeft - list.offsetLeft;
        list.scrollLeft = align === "start" ? offset - 8 : offset - (list.clientWidth - item.offsetWidth) / 2;
    }

    revealCurrent(".site-nav__list", ".site-nav__link.is-current", "center");
    revealCurrent(".ocop-sidebar__list--sub", ".ocop-sidebar__link.is-current", "start");
})();
