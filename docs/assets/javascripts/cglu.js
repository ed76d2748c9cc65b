/* The site's own behaviour, on top of Material's script (mkdocs.yml extra_javascript).
   Listeners sit on the document, so they also hold for pages Material loads itself.
   - Menu (the phone drawer): opening it moves the focus into it; Escape closes it and puts
     the focus back on the menu button.
   - Search: Escape (Material's) closes it, and the focus goes back to the search button;
     Tab and Shift+Tab move between the query and the results instead of closing search
     (and losing them); past the last result, or back before the query, search closes.
   - Language switcher: the link keeps the address's #section.
   - An event page's calendar offer gives way to "This event is over" once its last day
     (data-cglu-until) has passed, until the next build says so itself. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  if (!drawer || !search) return;

  function shown(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  }
  function button(toggle) {
    return document.querySelector('.md-header label[for="' + toggle.id + '"]');
  }
  function focusButton(toggle) {
    var label = button(toggle);
    if (label && shown(label)) label.focus();
  }
  // What Tab moves between while search is open: the query, then the results shown.
  function searchStops() {
    var input = document.querySelector(".md-search__input");
    var results = document.querySelectorAll(".md-search-result__list a[href], .md-search-result__list summary");
    return [input].concat(Array.prototype.filter.call(results, shown));
  }

  drawer.addEventListener("change", function () {
    if (!drawer.checked) return;
    var links = document.querySelectorAll(".md-sidebar--primary a[href]");
    var first = Array.prototype.filter.call(links, shown)[0];
    if (first) first.focus();
  });
  search.addEventListener("change", function () {
    var active = document.activeElement;
    if (!search.checked && (active === document.body || (active && active.closest(".md-search")))) {
      focusButton(search);
    }
  });

  // Capture, on the window: before Material's own keyboard handler (window, bubbling).
  window.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      focusButton(drawer);
      event.preventDefault();
      return;
    }
    if (!search.checked) return;
    if (event.key === "Shift" || event.key === "Alt") {
      event.stopPropagation(); // Material would move the focus back to the query
    } else if (event.key === "Tab" && !event.ctrlKey && !event.metaKey) {
      // Past either end (no results, the last one, back before the query), Material closes
      // search and the focus moves on: nobody is held in the dialog.
      var stops = searchStops();
      var at = stops.indexOf(document.activeElement);
      var next = stops[at + (event.shiftKey ? -1 : 1)];
      if (at < 0 || !next) return;
      next.focus();
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(".md-select__link[hreflang]");
    if (link && location.hash && !link.hash) link.hash = location.hash;
  }, true);

  function pastEvents() {
    var now = new Date();
    var today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map(function (part) { return String(part).padStart(2, "0"); }).join("-");
    document.querySelectorAll("[data-cglu-until]").forEach(function (offer) {
      if (offer.getAttribute("data-cglu-until") >= today) return;
      offer.hidden = true;
      var over = offer.parentNode.querySelector(".cglu-event-over");
      if (over) over.hidden = false;
    });
  }
  if (window.document$) window.document$.subscribe(pastEvents);
  else pastEvents();
})();
