// Print: a briefing's "Print or save as PDF" button, and which links print their address.
// Without scripts the button stays hidden and no address is printed; the page prints as it is.
document$.subscribe(function () {
  // Links to other sites print their address after them (the print rules in site.css); links
  // within this site do not: on paper they would only repeat the site's own address.
  document.querySelectorAll(".md-typeset a[href]").forEach(function (link) {
    var external = /^https?:$/.test(link.protocol) && link.host !== location.host;
    link.classList.toggle("uc-external", external);
  });
  document.querySelectorAll("[data-uc-print]").forEach(function (button) {
    button.hidden = false;
    button.onclick = function () { window.print(); };
  });
});
