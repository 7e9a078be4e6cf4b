// Tables a reader can sort and filter: every table inside an element of class "uc-sortable".
// Each column's heading gets a button that sorts the rows by it (dates by their datetime,
// numbers as numbers, words as words; again to reverse), and a field above the table keeps
// only the rows that contain what is typed. Without scripts the table stays as it is.
document$.subscribe(function () {
  document.querySelectorAll(".uc-sortable table").forEach(setUp);
});

function setUp(table) {
  if (table.dataset.ucSortable || !table.tHead || !table.tBodies[0]) return;
  table.dataset.ucSortable = "yes";
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  addFilter(table, rows);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "uc-sort";
    button.setAttribute("aria-label", "Sort by " + heading.textContent.trim());
    button.textContent = "↕";
    heading.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = heading.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
        cell.removeAttribute("aria-sort");
      });
      heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.slice().sort(function (a, b) {
        return compare(key(a, column), key(b, column)) * (ascending ? 1 : -1);
      }).forEach(function (row) { body.appendChild(row); });
    });
  });
}

function addFilter(table, rows) {
  var label = document.createElement("label");
  label.className = "uc-filter";
  label.textContent = "Show only the rows that contain ";
  var input = document.createElement("input");
  input.type = "search";
  var count = document.createElement("span");
  count.className = "uc-filter-count";
  count.setAttribute("aria-live", "polite");
  label.appendChild(input);
  label.appendChild(count);
  input.addEventListener("input", function () {
    var wanted = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var hit = !wanted || row.textContent.toLowerCase().indexOf(wanted) !== -1;
      row.hidden = !hit;
      if (hit) shown += 1;
    });
    count.textContent = wanted ? " " + shown + " of " + rows.length + " rows" : "";
  });
  var outer = table.closest(".md-typeset__scrollwrap") || table;
  outer.parentNode.insertBefore(label, outer);
}

function key(row, column) {
  var cell = row.cells[column];
  if (!cell) return "";
  var time = cell.querySelector("time[datetime]");
  if (time) return time.getAttribute("datetime");
  var text = cell.textContent.trim();
  var number = Number(text.replace(/[,\s]/g, ""));
  return text !== "" && !isNaN(number) ? number : text;
}

function compare(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { sensitivity: "base", numeric: true });
}
