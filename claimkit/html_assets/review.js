// claimkit review page: filters by kind and speaker, and linking highlights to the list.
// Inlined into every page; reads only data-* attributes, never inserts HTML.
(function () {
  "use strict";
  var state = { kind: null, speaker: null };
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-idx][data-kind]"));
  var kindButtons = Array.prototype.slice.call(document.querySelectorAll("button.kf"));
  var speakerSelect = document.getElementById("speaker-filter");
  var shown = document.getElementById("shown");

  function apply() {
    var visible = {};
    items.forEach(function (el) {
      var ok = (state.kind === null || el.dataset.kind === state.kind) &&
        (state.speaker === null || el.dataset.speaker === state.speaker);
      el.classList.toggle("off", !ok);
      if (ok) { visible[el.dataset.idx] = true; }
    });
    kindButtons.forEach(function (b) {
      var k = b.dataset.kind || null;
      b.setAttribute("aria-pressed", String(k === state.kind));
    });
    if (shown) { shown.textContent = String(Object.keys(visible).length); }
  }

  kindButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var k = b.dataset.kind || null;
      state.kind = (k === state.kind) ? null : k;
      apply();
    });
  });

  if (speakerSelect) {
    speakerSelect.addEventListener("change", function () {
      var opt = speakerSelect.options[speakerSelect.selectedIndex];
      state.speaker = opt.hasAttribute("data-all") ? null : opt.value;
      apply();
    });
  }

  function select(idx, scrollTo) {
    items.forEach(function (el) { el.classList.toggle("sel", el.dataset.idx === idx); });
    var target = document.querySelector(scrollTo + '[data-idx="' + idx + '"]');
    if (target && target.scrollIntoView) { target.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
  }

  items.forEach(function (el) {
    el.addEventListener("click", function () {
      select(el.dataset.idx, el.tagName === "MARK" ? "li.row" : "mark.st");
    });
  });

  apply();
})();
