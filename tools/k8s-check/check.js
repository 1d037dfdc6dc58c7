#!/usr/bin/env node
// Offline checks of deploy/k8s (a test tool, not product code): every Kubernetes object of the kustomization's
// resources against the Kubernetes OpenAPI schema as npm kubernetes-models compiles it (types, enums, required
// fields), and every Dockerfile through npm dockerfile-utils' linter (the VS Code Docker extension's). No cluster.
//
// Usage: node tools/k8s-check/check.js DIR
// Output: one JSON object on stdout: { manifests: [{ file, apiVersion, kind, name, errors: [...], object }],
//         dockerfiles: [{ file, problems: [{ line, message }] }] }; exit 0 when it could read everything (the errors
//         are for the caller to judge), 2 when a file is missing or not YAML.
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const dockerfileUtils = require('dockerfile-utils');

const models = {
  'v1/ConfigMap': () => require('kubernetes-models/v1').ConfigMap,
  'v1/Secret': () => require('kubernetes-models/v1').Secret,
  'v1/PersistentVolumeClaim': () => require('kubernetes-models/v1').PersistentVolumeClaim,
  'batch/v1/Job': () => require('kubernetes-models/batch/v1').Job,
};

function fail(message) {
  process.stderr.write(`k8s-check: ${message}\n`);
  process.exit(2);
}

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) fail(`no such folder: ${dir}`);

const kustomization = path.join(dir, 'kustomization.yaml');
if (!fs.existsSync(kustomization)) fail(`${kustomization}: missing`);
const resources = YAML.parse(fs.readFileSync(kustomization, 'utf8')).resources || [];

const manifests = [];
for (const resource of resources) {
  const file = path.join(dir, resource);
  if (!fs.existsSync(file)) fail(`${kustomization}: resource ${resource} does not exist`);
  const documents = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  for (const document of documents) {
    if (document.errors.length > 0) fail(`${file}: ${document.errors[0].message}`);
    const object = document.toJS();
    if (object === null) continue;
    const key = `${object.apiVersion}/${object.kind}`;
    const errors = [];
    if (!models[key]) {
      errors.push(`no schema for ${key} in this checker`);
    } else {
      const Model = models[key]();
      try {
        new Model(object).validate();
      } catch (e) {
        errors.push(...String(e.message).split(', '));
      }
    }
    manifests.push({ file: resource, apiVersion: object.apiVersion, kind: object.kind, name: object.metadata && object.metadata.name, errors, object });
  }
}

const dockerfiles = fs.readdirSync(dir).filter(f => f === 'Dockerfile' || f.endsWith('.Dockerfile')).map(f => ({
  file: f,
  problems: dockerfileUtils.validate(fs.readFileSync(path.join(dir, f), 'utf8'))
    .map(d => ({ line: d.range.start.line + 1, message: d.message })),
}));

process.stdout.write(JSON.stringify({ manifests, dockerfiles }) + '\n');
