/* "See all" on a long facet (producers): opening it fetches the whole list (the link's address
   with fragment=1) and puts it in place of the short list, "see all" included. Without this
   script, or if the fetch fails, the link leads to the page with the whole list. */
(function () {
    "use strict";

    function load(details) {
        if (!details.open || details.getAttribute("data-loaded")) {
            return;
        }
        details.setAttribute("data-loaded", "1");
        fetch(details.getAttribute("data-facet-more"), {
            credentials: "same-origin",
            headers: { Accept: "text/html" }
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.text();
            })
            .then(function (html) {
                // Our own escaped markup; parsed inert, then moved into the page.
                var parsed = new DOMParser().parseFromString(html, "text/html");
                var list = parsed.querySelector("ul");
                var short = details.parentNode.querySelector("ul.ocop-facet__list");
                if (list && short) {
                    short.replaceWith(document.importNode(list, true));
                    details.remove();
                }
            })
            .catch(function () {
                details.removeAttribute("data-loaded");
            });
    }

    var all = document.querySelectorAll("details[data-facet-more]");
    Array.prototype.forEach.call(all, function (details) {
        details.addEventListener("toggle", function () {
            load(details);
        });
    });
})();
