/* The filters drawer on phones. Without this script the "Filter" link opens the drawer as the
   page's #ocop-filters target and its links close it; with it, the link acts as a button
   (aria-expanded), focus moves into the drawer and back, and Escape or a tap beside it closes it. */
(function () {
    "use strict";

    var drawer = document.getElementById("ocop-filters");
    var toggle = document.querySelector("[data-filters-toggle]");
    if (!drawer || !toggle) {
        return;
    }
    var phone = window.matchMedia("(max-width: 767.98px)");

    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");

    function isOpen() {
        return drawer.classList.contains("is-open");
    }

    function show() {
        drawer.classList.add("is-open");
        toggle.setAttribute("aria-expanded", "true");
        document.documentElement.classList.add("ocop-filters-open");
        drawer.focus();
    }

    function hide(returnFocus) {
        drawer.classList.remove("is-open");
        toggle.setAttribute("aria-expanded", "false");
        document.documentElement.classList.remove("ocop-filters-open");
        if (window.location.hash === "#ocop-filters") {
            // Opened without the script first (or by the link's address): drop the target.
            window.history.replaceState(null, "", window.location.pathname + window.location.search);
        }
        if (returnFocus) {
            toggle.focus();
        }
    }

    toggle.addEventListener("click", function (event) {
        if (!phone.matches) {
            return;
        }
        event.preventDefault();
        if (isOpen()) {
            hide(true);
        } else {
            show();
        }
    });

    drawer.addEventListener("click", function (event) {
        var closer = event.target.closest && event.target.closest("[data-filters-close]");
        if (closer && phone.matches) {
            event.preventDefault();
            hide(true);
        }
    });

    document.addEventListener("keydown", function (event) {
        if ((event.key === "Escape" || event.key === "Esc") && isOpen()) {
            hide(true);
        }
    });

    // A tap on the dimmed page beside the drawer.
    document.addEventListener("click", function (event) {
        if (isOpen() && !drawer.contains(event.target) && !toggle.contains(event.target)) {
            hide(false);
        }
    });

    phone.addEventListener("change", function () {
        if (!phone.matches && isOpen()) {
            hide(false);
        }
    });

    if (window.location.hash === "#ocop-filters" && phone.matches) {
        show();
    }
})();
