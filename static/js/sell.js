/* The application form: communes follow the chosen province, and more certificates can be
 * added. Without this script the form still works: the commune list fills after a submit. */
(function () {
    "use strict";

    var row = document.querySelector("[data-communes-url]");
    if (row) {
        var province = row.querySelector("select[name=province]");
        var commune = row.querySelector("select[name=commune]");
        province.addEventListener("change", function () {
            commune.disabled = true;
            var url = row.getAttribute("data-communes-url") + "?province=" + encodeURIComponent(province.value);
            fetch(url, { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { communes: [] }; })
                .then(function (data) {
                    var first = commune.options[0];
                    commune.innerHTML = "";
                    commune.appendChild(first);
                    data.communes.forEach(function (item) {
                        commune.appendChild(new Option(item.name, item.id));
                    });
                })
                .finally(function () { commune.disabled = false; });
        });
    }

    var list = document.querySelector("[data-certificates]");
    var template = document.querySelector("[data-certificate-template]");
    var button = document.querySelector("[data-add-certificate]");
    var total = document.querySelector("input[name=certificates-TOTAL_FORMS]");
    var max = document.querySelector("input[name=certificates-MAX_NUM_FORMS]");
    if (list && template && button && total) {
        button.hidden = false;
        button.addEventListener("click", function () {
            var index = parseInt(total.value, 10);
            if (max && index >= parseInt(max.value, 10)) {
                return;
            }
            var html = template.innerHTML
                .replace(/__prefix__/g, String(index))
                .replace(/__number__/g, String(index + 1));
            list.insertAdjacentHTML("beforeend", html);
            total.value = String(index + 1);
        });
    }
})();
