/* Starts Swagger UI on the API reference page (templates/swagger_ui.html). */
window.addEventListener("load", function () {
  "use strict";
  var container = document.getElementById("swagger-ui-container");
  var config = JSON.parse(container.dataset.config || "{}");
  config.url = container.dataset.specUrl;
  config.dom_id = "#swagger-ui-container";
  window.ui = window.SwaggerUIBundle(config);
});
