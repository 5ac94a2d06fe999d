/* The approval route editor: an employee found by typing joins the stage's chosen approvers
   (a checked box the form posts; unchecking drops it), and the drawing is told to redraw. */
(function () {
  "use strict";

  function redraw() {
    document.body.dispatchEvent(new CustomEvent("route-changed", { bubbles: true }));
  }

  document.addEventListener("click", function (event) {
    var choice = event.target.closest("[data-add-employee]");
    if (!choice) return;
    var picker = choice.closest("[data-employee-picker]");
    var chosen = picker.querySelector(".chosen-employees");
    var id = choice.dataset.addEmployee;
    var already = Array.prototype.some.call(chosen.querySelectorAll("input"), function (box) {
      return box.value === id;
    });
    if (!already) {
      var item = document.createElement("li");
      var label = document.createElement("label");
      var box = document.createElement("input");
      label.className = "chip";
      box.type = "checkbox";
      box.name = picker.dataset.employeePicker;
      box.value = id;
      box.checked = true;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + choice.dataset.name));
      item.appendChild(label);
      chosen.appendChild(item);
    }
    var search = picker.querySelector("input[type=search]");
    search.value = "";
    picker.querySelector(".choices-box").innerHTML = "";
    search.focus();
    redraw();
  });

  /* Escape closes the list of choices. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var picker = event.target.closest && event.target.closest("[data-employee-picker]");
    if (picker) picker.querySelector(".choices-box").innerHTML = "";
  });
})();
