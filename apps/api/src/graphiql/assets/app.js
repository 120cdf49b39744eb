// The tracker's GraphQL explorer: a small page served by the api itself (no CDN, no
// framework), since the machines it runs on may have no internet. It sends operations to
// /graphql with the pasted token, and browses the schema through introspection.
(function () {
  'use strict';

  var ENDPOINT = '/graphql';
  var STORE = window.localStorage;
  var SESSION = window.sessionStorage;
  var $ = function (id) { return document.getElementById(id); };

  var INTROSPECTION = [
    'query Introspection { __schema {',
    '  queryType { name } mutationType { name } subscriptionType { name }',
    '  types { kind name description',
    '    fields { name description args { name description type { ...Ref } defaultValue } type { ...Ref } }',
    '    inputFields { name description type { ...Ref } defaultValue }',
    '    enumValues { name description }',
    '  }',
    '} }',
    'fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }',
  ].join('\n');

  var DEFAULT_QUERY = [
    '# Paste a token above (npm start prints one per role), write an operation, Ctrl+Enter.',
    '# The schema is on the left: "insert" writes a starting operation for a field.',
    '{',
    '  __typename',
    '}',
  ].join('\n');

  var schema = null;
  var typesByName = {};
  var history = [];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'onclick') node.addEventListener('click', attrs[key]);
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function typeRefText(ref) {
    if (ref.kind === 'NON_NULL') return typeRefText(ref.ofType) + '!';
    if (ref.kind === 'LIST') return '[' + typeRefText(ref.ofType) + ']';
    return ref.name;
  }

  function namedType(ref) {
    while (ref.ofType) ref = ref.ofType;
    return ref.name;
  }

  function typeLink(ref) {
    var text = typeRefText(ref);
    var name = namedType(ref);
    return el('button', { class: 'link type', type: 'button', text: text, onclick: function () { showType(name, true); } });
  }

  function post(body) {
    var headers = { 'content-type': 'application/json', accept: 'application/json' };
    var token = $('token').value.trim();
    if (token) headers.authorization = 'Bearer ' + token.replace(/^Bearer\s+/i, '');
    return fetch(ENDPOINT, { method: 'POST', headers: headers, body: JSON.stringify(body) });
  }

  function run() {
    var variables;
    var variablesText = $('variables').value.trim();
    try {
      variables = variablesText ? JSON.parse(variablesText) : undefined;
    } catch (error) {
      $('status').textContent = 'Variables are not valid JSON: ' + error.message;
      return;
    }
    var started = performance.now();
    $('status').textContent = 'Running...';
    post({ query: $('query').value, variables: variables })
      .then(function (response) {
        return response.text().then(function (text) {
          var ms = Math.round(performance.now() - started);
          $('status').textContent = 'HTTP ' + response.status + ' in ' + ms + ' ms' +
            (response.headers.get('x-request-id') ? ' - request ' + response.headers.get('x-request-id') : '');
          try {
            $('result').textContent = JSON.stringify(JSON.parse(text), null, 2);
          } catch (_) {
            $('result').textContent = text;
          }
        });
      })
      .catch(function (error) {
        $('status').textContent = 'Request failed: ' + error.message;
      });
  }

  function loadSchema() {
    post({ query: INTROSPECTION, operationName: 'Introspection' })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (!result.data) throw new Error((result.errors || [{ message: 'no data' }])[0].message);
        schema = result.data.__schema;
        schema.types.forEach(function (type) { typesByName[type.name] = type; });
        showRoot();
      })
      .catch(function (error) {
        $('docs-body').textContent = 'Could not load the schema: ' + error.message;
      });
  }

  function showRoot() {
    history = [];
    $('docs-path').textContent = '';
    var body = $('docs-body');
    body.textContent = '';
    [['Queries', schema.queryType], ['Mutations', schema.mutationType], ['Subscriptions', schema.subscriptionType]].forEach(function (pair) {
      if (!pair[1]) return;
      var root = typesByName[pair[1].name];
      body.appendChild(el('h2', { text: pair[0] }));
      body.appendChild(fieldList(root, root.fields, pair[1].name));
    });
  }

  function fieldList(type, fields, rootName) {
    return el('ul', {}, fields.map(function (field) {
      var args = field.args && field.args.length
        ? el('span', { class: 'args' }, ['(' + field.args.map(function (arg) { return arg.name + ': ' + typeRefText(arg.type); }).join(', ') + ')'])
        : '';
      var children = [el('span', { class: 'field', text: field.name }), args, ': ', typeLink(field.type)];
      if (rootName) {
        children.push(el('button', { class: 'insert', type: 'button', text: 'insert', onclick: function () { insertOperation(rootName, field); } }));
      }
      if (field.description) children.push(el('p', { class: 'description', text: field.description }));
      return el('li', {}, children);
    }));
  }

  function showType(name, push) {
    var type = typesByName[name];
    if (!type) return;
    if (push) history.push(name);
    var path = $('docs-path');
    path.textContent = '';
    path.appendChild(el('button', { class: 'link', type: 'button', text: 'Schema', onclick: showRoot }));
    path.appendChild(document.createTextNode(' / ' + name));
    var body = $('docs-body');
    body.textContent = '';
    body.appendChild(el('h2', { text: type.kind.toLowerCase().replace('_', ' ') + ' ' + type.name }));
    if (type.description) body.appendChild(el('p', { class: 'description', text: type.description }));
    if (type.fields) body.appendChild(fieldList(type, type.fields));
    if (type.inputFields) body.appendChild(fieldList(type, type.inputFields));
    if (type.enumValues) {
      body.appendChild(el('ul', {}, type.enumValues.map(function (value) { return el('li', { text: value.name }); })));
    }
  }

  // A starting operation for a root field: its required arguments as variables, and the
  // scalar fields of what it returns (through edges/node for connections).
  function insertOperation(rootName, field) {
    var kind = rootName === schema.mutationType?.name ? 'mutation' : rootName === schema.subscriptionType?.name ? 'subscription' : 'query';
    var required = field.args.filter(function (arg) { return arg.type.kind === 'NON_NULL'; });
    var header = required.length
      ? '(' + required.map(function (arg) { return '$' + arg.name + ': ' + typeRefText(arg.type); }).join(', ') + ')'
      : '';
    var call = required.length ? '(' + required.map(function (arg) { return arg.name + ': $' + arg.name; }).join(', ') + ')' : '';
    var selection = selectionFor(namedType(field.type), '    ', 0);
    $('query').value = kind + ' ' + capitalise(field.name) + header + ' {\n  ' + field.name + call + (selection ? ' ' + selection : '') + '\n}\n';
    var variables = {};
    required.forEach(function (arg) { variables[arg.name] = null; });
    $('variables').value = required.length ? JSON.stringify(variables, null, 2) : '';
    save();
  }

  function selectionFor(typeName, indent, depth) {
    var type = typesByName[typeName];
    if (!type || !type.fields || depth > 3) return '';
    var lines = [];
    type.fields.forEach(function (child) {
      var childType = typesByName[namedType(child.type)];
      var needsArgs = child.args.some(function (arg) { return arg.type.kind === 'NON_NULL'; });
      if (needsArgs) return;
      if (childType.kind === 'SCALAR' || childType.kind === 'ENUM') {
        lines.push(indent + child.name);
      } else if (depth < 3 && (child.name === 'edges' || child.name === 'node' || child.name === 'pageInfo' || child.name === 'result' || isPayloadRecord(type, child))) {
        var inner = selectionFor(childType.name, indent + '  ', depth + 1);
        if (inner) lines.push(indent + child.name + ' ' + inner);
      }
    });
    return lines.length ? '{\n' + lines.join('\n') + '\n' + indent.slice(2) + '}' : '';
  }

  function isPayloadRecord(type, child) {
    return /Payload$/.test(type.name) || /Edge$/.test(type.name) ? child.name !== 'cursor' : false;
  }

  function capitalise(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  // Re-indents by brace depth; strings and comments are left as they are.
  function tidy() {
    var depth = 0;
    $('query').value = $('query').value.split('\n').map(function (line) {
      var text = line.trim();
      if (!text) return '';
      var code = text.replace(/"(?:[^"\\]|\\.)*"/g, '').replace(/#.*/, '');
      var opens = (code.match(/[{(]/g) || []).length;
      var closes = (code.match(/[})]/g) || []).length;
      var leading = (code.match(/^[})]+/) || [''])[0].length;
      var out = '  '.repeat(Math.max(depth - leading, 0)) + text;
      depth = Math.max(depth + opens - closes, 0);
      return out;
    }).join('\n');
    save();
  }

  function save() {
    STORE.setItem('tracker.graphiql.query', $('query').value);
    STORE.setItem('tracker.graphiql.variables', $('variables').value);
    // The token stays for this tab only.
    SESSION.setItem('tracker.graphiql.token', $('token').value);
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('query').value = STORE.getItem('tracker.graphiql.query') || DEFAULT_QUERY;
    $('variables').value = STORE.getItem('tracker.graphiql.variables') || '';
    $('token').value = SESSION.getItem('tracker.graphiql.token') || '';
    ['query', 'variables', 'token'].forEach(function (id) { $(id).addEventListener('input', save); });
    $('run').addEventListener('click', run);
    $('prettify').addEventListener('click', tidy);
    document.addEventListener('keydown', function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') { event.preventDefault(); run(); }
    });
    $('query').addEventListener('keydown', function (event) {
      if (event.key !== 'Tab') return;
      event.preventDefault();
      var area = event.target;
      var start = area.selectionStart;
      area.value = area.value.slice(0, start) + '  ' + area.value.slice(area.selectionEnd);
      area.selectionStart = area.selectionEnd = start + 2;
    });
    loadSchema();
  });
})();
