/* OCOP partner widget v1: renders product cards from the shop in a lazy iframe.
 * <div data-ocop-widget="12" data-key="pk_..."></div>
 * <script src="https://shop.example/static/widget/v1.js" async></script>
 * No dependencies; safe to include more than once and next to other partners' widgets. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !me.src) return;
  var base = new URL(me.src).origin;
  var state = window.__ocopWidget = window.__ocopWidget || {frames: {}, seq: 0, origins: {}};
  state.origins[base] = true;

  if (!state.listening) {
    state.listening = true;
    window.addEventListener("message", function (event) {
      // Only size messages from a shop frame we created, in the shape we expect.
      if (!state.origins[event.origin]) return;
      var data = event.data;
      if (!data || typeof data !== "object" || data.type !== "ocop-widget:size") return;
      if (typeof data.fid !== "string" || !Object.prototype.hasOwnProperty.call(state.frames, data.fid)) return;
      var frame = state.frames[data.fid];
      if (event.source !== frame.contentWindow || new URL(frame.src).origin !== event.origin) return;
      var height = Number(data.height);
      if (!isFinite(height) || height < 0 || height > 5000) return;
      frame.style.height = Math.ceil(height) + "px";
      frame.style.visibility = height ? "visible" : "hidden";
      if (typeof data.title === "string" && data.title.length < 200) frame.title = data.title;
    });
  }

  function load(frame) {
    if (!frame.src) frame.src = frame.getAttribute("data-src");
  }

  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        load(entry.target);
      }
    });
  }, {rootMargin: "300px"}) : null;

  function mount(host) {
    var id = host.getAttribute("data-ocop-widget");
    var key = host.getAttribute("data-key") || me.getAttribute("data-key") || "";
    if (!/^\d{1,12}$/.test(id || "") || !/^pk_[\w-]{8,60}$/.test(key)) return;
    host.setAttribute("data-ocop-ready", "1");
    var fid = "ocopw" + (++state.seq) + "-" + Math.random().toString(36).slice(2, 8);
    var frame = document.createElement("iframe");
    frame.setAttribute("data-src", base + "/embed/w/" + id + "/?key=" + encodeURIComponent(key) + "&fid=" + fid);
    frame.title = host.getAttribute("data-title") || "OCOP";
    frame.loading = "lazy";
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    // Shown only once the shop answers with its size: a refused frame stays invisible.
    frame.style.cssText = "border:0;width:100%;height:0;display:block;visibility:hidden;color-scheme:normal";
    state.frames[fid] = frame;
    host.appendChild(frame);
    if (observer) observer.observe(frame); else load(frame);
  }

  if (me.getAttribute("data-widget") && me.getAttribute("data-key")) {
    var host = document.createElement("div");
    host.setAttribute("data-ocop-widget", me.getAttribute("data-widget"));
    me.parentNode.insertBefore(host, me.nextSibling);
  }
  function scan() {
    var hosts = document.querySelectorAll("[data-ocop-widget]:not([data-ocop-ready])");
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
