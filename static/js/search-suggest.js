/* The header search box as a combobox (WAI-ARIA 1.2 pattern, list autocomplete): products and
   groups from /search/suggest/ as one types. Without this script the box is a plain search
   form, and Enter without a chosen suggestion still submits it. */
(function () {
    "use strict";

    var DELAY_MS = 180;
    var MIN_LENGTH = 2;

    function setUp(form) {
        var input = form.querySelector("input[type=search]");
        var url = form.getAttribute("data-suggest-url");
        if (!input || !url || !window.fetch) {
            return;
        }
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "site-search__suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", form.getAttribute("data-suggest-label") || "");
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "sr-only";
        status.setAttribute("role", "status");
        form.appendChild(list);
        form.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var items = [];
        var active = -1;
        var timer = null;
        var pending = null;
        var lastAsked = "";

        function open() {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var options = list.querySelectorAll("[role=option]");
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index < 0) {
                input.removeAttribute("aria-activedescendant");
                return;
            }
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({block: "nearest"});
        }

        function render(suggestions) {
            items = suggestions;
            list.textContent = "";
            active = -1;
            input.removeAttribute("aria-activedescendant");
            suggestions.forEach(function (item, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.className = "site-search__suggestion";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                var label = document.createElement("span");
                label.textContent = item.label;
                option.appendChild(label);
                if (item.kind === "category") {
                    var kind = document.createElement("span");
                    kind.className = "site-search__kind";
                    kind.textContent = form.getAttribute("data-suggest-group") || "";
                    option.appendChild(kind);
                }
                // mousedown, not click: the input keeps its focus, so the list is still there.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    go(i);
                });
                list.appendChild(option);
            });
            if (suggestions.length) {
                open();
            } else {
                close();
            }
            var template = form.getAttribute(suggestions.length === 1 ? "data-suggest-one" : "data-suggest-many") || "";
            status.textContent = suggestions.length ? template.replace("%(count)s", suggestions.length) : "";
        }

        function go(index) {
            var item = items[index];
            // Only our own pages: the answer holds paths; anything else is ignored.
            if (item && typeof item.url === "string" && item.url.charAt(0) === "/" && item.url.charAt(1) !== "/") {
                close();
                window.location.assign(item.url);
            }
        }

        function ask() {
            var text = input.value.trim().replace(/\s+/g, " ");
            if (text.length < MIN_LENGTH) {
                lastAsked = "";
                render([]);
                return;
            }
            if (text === lastAsked) {
                return;
            }
            lastAsked = text;
            if (pending) {
                pending.abort();
            }
            pending = new AbortController();
            fetch(url + "?q=" + encodeURIComponent(text), {
                headers: {"Accept": "application/json"},
                credentials: "same-origin",
                signal: pending.signal
            }).then(function (response) {
                return response.ok ? response.json() : {suggestions: []};
            }).then(function (answer) {
                // A slower answer to an older text is dropped.
                if (text === lastAsked && document.activeElement === input) {
                    render(Array.isArray(answer.suggestions) ? answer.suggestions : []);
                }
            }).catch(function () { /* aborted or offline: the plain form still works */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(ask, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var count = items.length;
            if (event.key === "ArrowDown" || event.key === "Down") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                open();
                highlight(active + 1 >= count ? 0 : active + 1);
            } else if (event.key === "ArrowUp" || event.key === "Up") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                open();
                highlight(active <= 0 ? count - 1 : active - 1);
            } else if (event.key === "Enter") {
                if (!list.hidden && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
            } else if (event.key === "Escape" || event.key === "Esc") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                    lastAsked = "";
                    items = [];
                }
            }
        });

        input.addEventListener("blur", function () {
            close();
        });

        input.addEventListener("focus", function () {
            if (items.length && input.value.trim().length >= MIN_LENGTH) {
                open();
            }
        });
    }

    document.querySelectorAll("form[data-suggest-url]").forEach(setUp);
})();
