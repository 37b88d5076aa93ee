// The address form's commune list follows the province: choosing a province loads its
// communes. Without JavaScript the form still works: it asks for the commune again with the
// province's communes after the first submit.
(function () {
  "use strict";
  var province = document.getElementById("id_province");
  var commune = document.getElementById("id_commune");
  if (!province || !commune || !commune.dataset.communesUrl) {
    return;
  }
  var placeholder = commune.options.length ? commune.options[0].text : "";

  function fill(communes, keep) {
    commune.innerHTML = "";
    commune.add(new Option(placeholder, ""));
    communes.forEach(function (item) {
      commune.add(new Option(item.name, item.id, false, String(item.id) === keep));
    });
    commune.disabled = communes.length === 0;
  }

  function load(keep) {
    if (!province.value) {
      fill([], "");
      return;
    }
    var url = commune.dataset.communesUrl + "?province=" + encodeURIComponent(province.value);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { communes: [] }; })
      .then(function (data) { fill(data.communes, keep); })
      .catch(function () { commune.disabled = false; });
  }

  province.addEventListener("change", function () { load(""); });
  if (province.value && commune.options.length <= 1) {
    load(commune.value);
  } else if (!province.value) {
    commune.disabled = true;
  }
})();
