/* Behaviour that Oscar's templates put in onclick/onchange/onload attributes, which the
   Content-Security-Policy forbids: our templates declare it with data attributes instead
   and this script, loaded on every storefront and dashboard page, wires it up. */
(function () {
    "use strict";

    // <select data-autosubmit>: choosing an option sends its form.
    document.addEventListener("change", function (event) {
        var field = event.target.closest && event.target.closest("[data-autosubmit]");
        if (field && field.form) {
            field.form.submit();
        }
    });

    // <a data-history-back href="…">: back one page, or the link's own address without history.
    // <a data-print href="#">: print the page. <a data-close-window href="#">: close a popup.
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("[data-history-back], [data-print], [data-close-window]");
        if (!link) {
            return;
        }
        if (link.hasAttribute("data-print")) {
            event.preventDefault();
            window.print();
        } else if (link.hasAttribute("data-close-window")) {
            event.preventDefault();
            window.close();
        } else if (window.history.length > 1) {
            event.preventDefault();
            window.history.back();
        }
    });

    // Oscar's image widget: the "Upload image" button shows only until a picture is chosen.
    // load and error do not bubble, so they are caught on their way down (forms added later
    // by the dashboard's formsets are covered too).
    function uploadButtonFor(target) {
        var id = target && target.getAttribute && target.getAttribute("data-upload-button");
        return id ? document.getElementById(id) : null;
    }
    document.addEventListener("load", function (event) {
        var button = uploadButtonFor(event.target);
        if (button) {
            button.hidden = true;
        }
    }, true);
    document.addEventListener("error", function (event) {
        var button = uploadButtonFor(event.target);
        if (button) {
            button.hidden = false;
        }
    }, true);

    // A table wider than the screen scrolls inside its own box (dashboard.css, Bootstrap's
    // .table-responsive); a keyboard can only scroll a box it can focus, so each box that
    // overflows takes a tab stop, and gives it back once the window is wide enough again.
    function scrollBoxesFocusable() {
        var boxes = document.querySelectorAll(".ocop-console .table, .table-responsive");
        Array.prototype.forEach.call(boxes, function (box) {
            if (box.scrollWidth > box.clientWidth + 1) {
                if (!box.hasAttribute("tabindex")) {
                    box.setAttribute("tabindex", "0");
                    box.setAttribute("data-scroll-focus", "");
                }
            } else if (box.hasAttribute("data-scroll-focus")) {
                box.removeAttribute("tabindex");
                box.removeAttribute("data-scroll-focus");
            }
        });
    }
    var scrollCheckPending = false;
    window.addEventListener("resize", function () {
        if (!scrollCheckPending) {
            scrollCheckPending = true;
            window.requestAnimationFrame(function () {
                scrollCheckPending = false;
                scrollBoxesFocusable();
            });
        }
    });
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", scrollBoxesFocusable);
    } else {
        scrollBoxesFocusable();
    }
})();
