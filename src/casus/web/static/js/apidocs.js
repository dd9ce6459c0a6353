"use strict";
(function () {
  const node = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({url: node.dataset.openapi, domNode: node, deepLinking: true});
})();
