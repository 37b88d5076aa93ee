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

    // "Recently viewed": the server keeps the list only for signed-in readers (a cookie set
    // by the server would keep caches from storing the page), so the browser adds this
    // product to the same cookie, in the JSON list Oscar reads on the next page.
    function rememberViewed() {
        var page = document.querySelector("[data-viewed-product]");
        var id = page && parseInt(page.getAttribute("data-viewed-product"), 10);
        if (!id) {
            return;
        }
        var name = "oscar_history";
        var ids = [];
        document.cookie.split("; ").forEach(function (pair) {
            if (pair.indexOf(name + "=") !== 0) {
                return;
            }
            // A cookie written by the server is quoted, its commas escaped as \054.
            var raw = pair.slice(name.length + 1).replace(/^"|"$/g, "").replace(/\\(\d{3})/g, function (_m, octal) {
                return String.fromCharCode(parseInt(octal, 8));
            });
            try {
                ids = JSON.parse(raw).filter(function (value) { return typeof value === "number"; });
            } catch (error) {
                ids = [];
            }
        });
        ids = ids.filter(function (value) { return value !== id; });
        ids.push(id);
        ids = ids.slice(-20);
        var secure = window.location.protocol === "https:" ? "; Secure" : "";
        document.cookie = name + "=" + JSON.stringify(ids) + "; Path=/; Max-Age=604800; SameSite=Lax" + secure;
    }

    rememberViewed();

    // The cards of those products come from /recently-viewed/, which reads the cookie: the
    // product page itself stays the same for every reader, so the server can keep it.
    function showRecentlyViewed() {
        var slot = document.querySelector("[data-recently-viewed]");
        if (!slot || !window.fetch || document.cookie.indexOf("oscar_history=") === -1) {
            return;
        }
        fetch(slot.getAttribute("data-recently-viewed"), { credentials: "same-origin" })
            .then(function (answer) { return answer.ok ? answer.text() : ""; })
            .then(function (html) {
                if (html.trim()) {
                    slot.innerHTML = html;
                }
            })
            .catch(function () {});
    }

    showRecentlyViewed();

    // Forms on pages a cache may keep carry an empty CSRF field (see the csrf_fields tag).
    // On submit: reuse the reader's CSRF cookie, or set a random one, and put the same value
    // in the field; Django's middleware accepts the pair, and no other site can forge it.
    function csrfCookie() {
        var name = "csrftoken";
        var found = "";
        document.cookie.split("; ").forEach(function (pair) {
            if (pair.indexOf(name + "=") === 0) {
                found = pair.slice(name.length + 1);
            }
        });
        if (/^[A-Za-z0-9]{32}$/.test(found) || /^[A-Za-z0-9]{64}$/.test(found)) {
            return found;
        }
        var letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var bytes = new Uint8Array(32);
        window.crypto.getRandomValues(bytes);
        var secret = Array.prototype.map.call(bytes, function (b) { return letters.charAt(b % letters.length); }).join("");
        var secure = window.location.protocol === "https:" ? "; Secure" : "";
        document.cookie = name + "=" + secret + "; Path=/; Max-Age=31449600; SameSite=Lax" + secure;
        return secret;
    }

    document.addEventListener("submit", function (event) {
        var field = event.target.querySelector && event.target.querySelector("input[data-csrf-fill]");
        if (field) {
            field.value = csrfCookie();
        }
    }, true);
})();
