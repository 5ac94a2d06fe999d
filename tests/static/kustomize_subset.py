"""The subset of kustomize that deploy/kubernetes uses, so the tests render the manifests
on a machine without the kustomize binary (Debian's kubectl is too old, PyPI has none).

Supported, with kustomize's meaning: ``resources`` (files and directories holding a
kustomization), ``namespace``, ``labels`` (``includeSelectors: false`` only), ``replicas``,
``images``, ``patches`` given as JSON 6902 operations (inline ``patch`` or ``path``)
with a ``target`` of kind, name and label selector, and ``configMapGenerator`` from
``files`` with ``disableNameSuffixHash: true`` (no hashed names). Any other field is an error, so
a kustomization that relies on something this renderer does not do fails the tests
instead of being rendered wrongly.
"""
import copy
import re
from pathlib import Path

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "labels", "replicas", "images", "patches",
             "configMapGenerator"}
# Kinds that are not namespaced among those deploy/kubernetes uses or might.
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
                  "PriorityClass", "StorageClass", "IngressClass", "PersistentVolume"}
WORKLOAD_TEMPLATES = {
    "Deployment": ("spec", "template"), "StatefulSet": ("spec", "template"),
    "DaemonSet": ("spec", "template"), "ReplicaSet": ("spec", "template"),
    "Job": ("spec", "template"), "CronJob": ("spec", "jobTemplate", "spec", "template"),
}


class KustomizeError(Exception):
    pass


def render(directory):
    """The resources a ``kustomize build directory`` would print, as a list of dicts."""
    directory = Path(directory)
    path = directory / "kustomization.yaml"
    if not path.is_file():
        raise KustomizeError(f"{directory}: no kustomization.yaml")
    spec = yaml.safe_load(path.read_text()) or {}
    unknown = set(spec) - SUPPORTED
    if unknown:
        raise KustomizeError(f"{path}: fields this renderer does not implement: {sorted(unknown)}")
    if spec.get("kind", "Kustomization") != "Kustomization":
        raise KustomizeError(f"{path}: kind {spec['kind']!r}")

    resources = []
    for entry in spec.get("resources") or []:
        target = (directory / entry).resolve()
        if target.is_dir():
            resources.extend(render(target))
        elif target.is_file():
            resources.extend(doc for doc in yaml.safe_load_all(target.read_text()) if doc)
        else:
            raise KustomizeError(f"{path}: resource {entry!r} does not exist")
    for generator in spec.get("configMapGenerator") or []:
        resources.append(config_map(generator, directory, path))
    ids = [resource_id(r) for r in resources]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise KustomizeError(f"{path}: resources defined twice: {duplicates}")

    for patch in spec.get("patches") or []:
        apply_patch(resources, patch, directory, path)
    for replica in spec.get("replicas") or []:
        set_replicas(resources, replica, path)
    for image in spec.get("images") or []:
        set_image(resources, image)
    for labels in spec.get("labels") or []:
        add_labels(resources, labels, path)
    if spec.get("namespace"):
        for resource in resources:
            if resource["kind"] not in CLUSTER_SCOPED:
                resource.setdefault("metadata", {})["namespace"] = spec["namespace"]
    return resources


def resource_id(resource):
    meta = resource.get("metadata") or {}
    return (resource.get("apiVersion"), resource.get("kind"), meta.get("namespace"), meta.get("name"))


def config_map(generator, directory, where):
    """The ConfigMap a ``configMapGenerator`` entry makes from its files."""
    unknown = set(generator) - {"name", "files", "options"}
    options = generator.get("options") or {}
    if unknown or set(options) - {"disableNameSuffixHash", "labels"}:
        raise KustomizeError(f"{where}: configMapGenerator fields not implemented: "
                             f"{sorted(unknown | (set(options) - {'disableNameSuffixHash', 'labels'}))}")
    if options.get("disableNameSuffixHash") is not True:
        raise KustomizeError(f"{where}: configMapGenerator {generator['name']}: only disableNameSuffixHash: true")
    data = {}
    for entry in generator.get("files") or []:
        key, _, file = entry.rpartition("=")
        source = (directory / file).resolve()
        if directory.resolve() not in source.parents:
            raise KustomizeError(f"{where}: {file} is outside the kustomization's folder")
        data[key or source.name] = source.read_text()
    metadata = {"name": generator["name"]}
    if options.get("labels"):
        metadata["labels"] = dict(options["labels"])
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata, "data": data}


# --- Selecting targets

def selector_matches(selector, labels):
    """A label selector string: ``k=v``, ``k!=v``, ``k in (a, b)``, ``k notin (a)``, ``k``, ``!k``."""
    for requirement in re.split(r",(?![^()]*\))", selector):
        requirement = requirement.strip()
        if not requirement:
            continue
        found = re.fullmatch(r"([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)", requirement)
        if found:
            key, op, values = found[1], found[2], {v.strip() for v in found[3].split(",")}
            inside = key in labels and labels[key] in values
            if inside != (op == "in"):
                return False
            continue
        found = re.fullmatch(r"([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)", requirement)
        if found:
            key, op, value = found.groups()
            if (labels.get(key) == value) != (op != "!="):
                return False
            continue
        found = re.fullmatch(r"(!?)([\w./-]+)", requirement)
        if not found:
            raise KustomizeError(f"label selector {selector!r} not understood")
        if (found[2] in labels) == bool(found[1]):
            return False
    return True


def targets(resources, target, where):
    unknown = set(target) - {"kind", "name", "labelSelector", "group", "version"}
    if unknown:
        raise KustomizeError(f"{where}: patch target fields not implemented: {sorted(unknown)}")
    chosen = []
    for resource in resources:
        meta = resource.get("metadata") or {}
        group, _, version = resource["apiVersion"].rpartition("/")
        if "kind" in target and resource["kind"] != target["kind"]:
            continue
        if "name" in target and not re.fullmatch(target["name"], meta.get("name", "")):
            continue
        if "group" in target and group != target["group"]:
            continue
        if "version" in target and version != target["version"]:
            continue
        if "labelSelector" in target and not selector_matches(target["labelSelector"], meta.get("labels") or {}):
            continue
        chosen.append(resource)
    if not chosen:
        raise KustomizeError(f"{where}: patch target {target} matches no resource")
    return chosen


# --- Transformers

def apply_patch(resources, patch, directory, where):
    unknown = set(patch) - {"target", "patch", "path"}
    if unknown:
        raise KustomizeError(f"{where}: patch fields not implemented: {sorted(unknown)}")
    text = patch["patch"] if "patch" in patch else (directory / patch["path"]).read_text()
    operations = yaml.safe_load(text)
    if not isinstance(operations, list):
        raise KustomizeError(f"{where}: only JSON 6902 patches (a list of operations) are implemented")
    if "target" not in patch:
        raise KustomizeError(f"{where}: a JSON 6902 patch needs a target")
    for resource in targets(resources, patch["target"], where):
        for operation in operations:
            json_patch(resource, operation, where)


def pointer(path):
    if not path.startswith("/"):
        raise KustomizeError(f"JSON pointer {path!r} must start with /")
    return [part.replace("~1", "/").replace("~0", "~") for part in path[1:].split("/")]


def walk(document, parts, where):
    node = document
    for part in parts:
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KustomizeError(f"{where}: path /{'/'.join(parts)} does not exist")
    return node


def json_patch(document, operation, where):
    op = operation.get("op")
    parts = pointer(operation["path"])
    parent = walk(document, parts[:-1], where)
    key = parts[-1]
    if isinstance(parent, list):
        index = len(parent) if key == "-" else int(key)
        if op == "add":
            parent.insert(index, copy.deepcopy(operation["value"]))
        elif op == "replace":
            parent[index] = copy.deepcopy(operation["value"])
        elif op == "remove":
            del parent[index]
        else:
            raise KustomizeError(f"{where}: op {op!r} not implemented")
        return
    if op in ("replace", "remove") and key not in parent:
        raise KustomizeError(f"{where}: {op} of missing {operation['path']}")
    if op in ("add", "replace"):
        parent[key] = copy.deepcopy(operation["value"])
    elif op == "remove":
        del parent[key]
    else:
        raise KustomizeError(f"{where}: op {op!r} not implemented")


def set_replicas(resources, replica, where):
    chosen = [r for r in resources
              if r["metadata"]["name"] == replica["name"] and "replicas" in (r.get("spec") or {})]
    if not chosen:
        raise KustomizeError(f"{where}: replicas: no workload named {replica['name']!r}")
    for resource in chosen:
        resource["spec"]["replicas"] = int(replica["count"])


def containers_of(resource):
    path = WORKLOAD_TEMPLATES.get(resource["kind"])
    if not path:
        return []
    template = resource
    for part in path:
        template = template.get(part) or {}
    spec = template.get("spec") or {}
    return [*(spec.get("initContainers") or []), *(spec.get("containers") or [])]


def set_image(resources, image):
    for resource in resources:
        for container in containers_of(resource):
            name, tag, digest = split_image(container["image"])
            if name != image["name"]:
                continue
            name = image.get("newName", name)
            if "digest" in image:
                container["image"] = f"{name}@{image['digest']}"
            elif "newTag" in image:
                container["image"] = f"{name}:{image['newTag']}"
            else:
                container["image"] = name + (f":{tag}" if tag else "") + (f"@{digest}" if digest else "")


def split_image(reference):
    name, _, digest = reference.partition("@")
    tag = ""
    if ":" in name.rsplit("/", 1)[-1]:
        name, tag = name.rsplit(":", 1)
    return name, tag, digest


def add_labels(resources, labels, where):
    unknown = set(labels) - {"pairs", "includeSelectors", "includeTemplates"}
    if unknown or labels.get("includeSelectors"):
        raise KustomizeError(f"{where}: labels: only pairs, includeTemplates and includeSelectors: false")
    pairs = labels.get("pairs") or {}
    for resource in resources:
        resource.setdefault("metadata", {}).setdefault("labels", {}).update(pairs)
        path = WORKLOAD_TEMPLATES.get(resource["kind"])
        if labels.get("includeTemplates") and path:
            template = resource
            for part in path:
                template = template.setdefault(part, {})
            template.setdefault("metadata", {}).setdefault("labels", {}).update(pairs)
