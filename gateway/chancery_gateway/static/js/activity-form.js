/* The new-activity form: choosing a contact person fills the phone with theirs (unless it was
   typed by hand, or the activity is a meeting, whose field holds a place); switching to a
   meeting takes such a filled-in phone out again. */
(function () {
  "use strict";

  function parts(form) {
    return { kind: form.querySelector("[name=kind]"), field: form.querySelector("[name=phone_or_place]"),
             person: form.querySelector("[name=contact_person_id]") };
  }

  document.addEventListener("change", function (event) {
    var form = event.target.closest("#activity-form");
    if (!form) return;
    var p = parts(form);
    if (!p.field) return;
    var filled = p.field.dataset.filledPhone;
    var untouched = p.field.value === "" || (filled !== undefined && p.field.value === filled);
    if (event.target === p.person || event.target === p.kind) {
      if (!untouched) return;
      var option = p.person && p.person.selectedOptions[0];
      var phone = option ? option.dataset.phone || "" : "";
      if (p.kind && p.kind.value === "meeting") phone = "";
      p.field.value = phone;
      if (phone) p.field.dataset.filledPhone = phone; else delete p.field.dataset.filledPhone;
    }
  });
})();
