// claimkit review page: filters (kind, speaker, search, check-worthy) that hide, sorting, and linking
// highlights to the list. Inlined into every page; reads only data-* attributes and text,
// never inserts HTML.
(function () {
  "use strict";
  var state = { kind: null, speaker: null, terms: [], checkworthy: false };
  var $ = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };
  var rows = $("li.row");
  var marks = $("mark.st");
  var sections = $("section.article");
  var kindButtons = $("button.kf[data-kind]");
  var speakerButtons = $("button.spk");
  var speakerSelect = document.getElementById("speaker-filter");
  var search = document.getElementById("search");
  var sort = document.getElementById("sort");
  var checkworthy = document.getElementById("checkworthy");
  var shown = document.getElementById("shown");
  var noMatch = document.getElementById("no-match");
  var haystack = new Map();
  rows.forEach(function (el, i) {
    el.dataset.pos = String(i);
    haystack.set(el, el.textContent.toLowerCase());
  });

  function filtering() {
    return state.kind !== null || state.speaker !== null || state.terms.length > 0 || state.checkworthy;
  }

  function matches(el) {
    if (state.kind !== null && el.dataset.kind !== state.kind) { return false; }
    if (state.speaker !== null && el.dataset.speaker !== state.speaker) { return false; }
    if (state.checkworthy && !(Number(el.dataset.checkworthiness) >= 0.5)) { return false; }
    var text = haystack.get(el);
    return state.terms.every(function (t) { return text.indexOf(t) !== -1; });
  }

  function apply() {
    var visible = {};
    var count = 0;
    rows.forEach(function (el) {
      var ok = matches(el);
      el.classList.toggle("off", !ok);
      if (ok) { visible[el.dataset.idx] = true; count += 1; }
    });
    marks.forEach(function (el) { el.classList.toggle("off", !visible[el.dataset.idx]); });
    sections.forEach(function (sec) {
      var left = sec.querySelectorAll("li.row:not(.off)").length;
      var hide = filtering() && left === 0;
      sec.hidden = hide;
      var entry = document.querySelector('nav.toc li[data-article="' + sec.id + '"]');
      if (entry) {
        entry.hidden = hide;
        var n = entry.querySelector(".count");
        if (n) { n.textContent = String(left); }
      }
    });
    kindButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", String((b.dataset.kind || null) === state.kind));
    });
    speakerButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.speaker === state.speaker));
    });
    if (speakerSelect) {
      speakerSelect.value = state.speaker === null ? "" : state.speaker;
      if (state.speaker === null) { speakerSelect.selectedIndex = 0; }
    }
    if (shown) { shown.textContent = String(count); }
    if (noMatch) { noMatch.hidden = !(filtering() && count === 0 && rows.length > 0); }
  }

  function setSpeaker(value) {
    state.speaker = value;
    apply();
  }

  kindButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var k = b.dataset.kind || null;
      state.kind = (k === state.kind) ? null : k;
      apply();
    });
  });
  speakerButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      setSpeaker(b.dataset.speaker === state.speaker ? null : b.dataset.speaker);
    });
  });
  if (speakerSelect) {
    speakerSelect.addEventListener("change", function () {
      var opt = speakerSelect.options[speakerSelect.selectedIndex];
      setSpeaker(opt.hasAttribute("data-all") ? null : opt.value);
    });
  }
  if (search) {
    search.addEventListener("input", function () {
      state.terms = search.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
      apply();
    });
  }

  if (checkworthy) {
    checkworthy.addEventListener("change", function () {
      state.checkworthy = checkworthy.checked;
      apply();
    });
  }

  function reset() {
    state = { kind: null, speaker: null, terms: [], checkworthy: false };
    if (search) { search.value = ""; }
    if (checkworthy) { checkworthy.checked = false; }
    apply();
  }
  $("#reset, [data-reset]").forEach(function (b) { b.addEventListener("click", reset); });

  // Sorting: within each list; a record without the figure goes last, ties keep text order.
  var orders = {
    "text": function (el) { return [Number(el.dataset.pos)]; },
    "cert": function (el) { return [Number(el.dataset.cert), Number(el.dataset.pos)]; },
    "kind-score": function (el) {
      return [el.dataset.kindScore === undefined ? Infinity : Number(el.dataset.kindScore), Number(el.dataset.pos)];
    },
    "checkworthiness": function (el) {
      return [el.dataset.checkworthiness === undefined ? Infinity : -Number(el.dataset.checkworthiness),
        Number(el.dataset.pos)];
    }
  };
  function compare(a, b) {
    for (var i = 0; i < a.length; i += 1) {
      if (a[i] !== b[i]) { return a[i] < b[i] ? -1 : 1; }
    }
    return 0;
  }
  if (sort) {
    sort.addEventListener("change", function () {
      var key = orders[sort.value] || orders.text;
      $("ol.statements").forEach(function (list) {
        var items = Array.prototype.slice.call(list.children);
        items.sort(function (a, b) { return compare(key(a), key(b)); });
        items.forEach(function (el) { list.appendChild(el); });
      });
    });
  }

  function select(idx, scrollTo) {
    rows.concat(marks).forEach(function (el) { el.classList.toggle("sel", el.dataset.idx === idx); });
    var target = document.querySelector(scrollTo + '[data-idx="' + idx + '"]');
    if (target && target.scrollIntoView) { target.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
  }
  rows.concat(marks).forEach(function (el) {
    el.addEventListener("click", function () {
      select(el.dataset.idx, el.tagName === "MARK" ? "li.row" : "mark.st");
    });
  });

  apply();
})();
