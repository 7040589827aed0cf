// The IVR drawn as a graph (Cytoscape.js, laid out top-down by dagre): each context a node,
// each of its options a node under it, jumps as edges between them, transfers as leaf nodes
// (phone, IVR, external number). timeout/invalid options and their edges look different; rule
// conditions label the edges; validator findings mark the nodes they concern. The same graph
// shows a call's path (a trace) and the funnel's counts.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { destinationsOf, destinationKind, conditionsOf, summaryOf } from './ivr.js';

cytoscape.use(dagre);

const STYLE = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': 180, 'text-valign': 'center', color: '#1d2733' } },
  { selector: 'node.context', style: { shape: 'round-rectangle', 'background-color': '#dbe8f7', 'border-width': 2, 'border-color': '#3b6ea8', width: 'label', height: 'label', padding: 10, 'font-weight': 'bold' } },
  { selector: 'node.context.entry', style: { 'border-width': 4, 'border-color': '#1f8a4c' } },
  { selector: 'node.option', style: { shape: 'round-rectangle', 'background-color': '#ffffff', 'border-width': 1, 'border-color': '#8a99a8', width: 'label', height: 'label', padding: 6, 'font-size': 10 } },
  { selector: 'node.option.timeout', style: { 'border-color': '#d68a00', 'border-style': 'dashed', 'background-color': '#fff6e5' } },
  { selector: 'node.option.invalid', style: { 'border-color': '#c0392b', 'border-style': 'dotted', 'background-color': '#fdecea' } },
  { selector: 'node.transfer', style: { shape: 'tag', 'background-color': '#eee4fb', 'border-width': 1, 'border-color': '#7d4fc4', width: 'label', height: 'label', padding: 6, 'font-size': 10 } },
  { selector: 'node.has-warning', style: { 'border-color': '#e67e22', 'border-width': 3 } },
  { selector: 'node.has-error', style: { 'border-color': '#e74c3c', 'border-width': 4 } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#8a99a8', 'target-arrow-color': '#8a99a8', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 9, 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 2 } },
  { selector: 'edge.timeout', style: { 'line-style': 'dashed', 'line-color': '#d68a00', 'target-arrow-color': '#d68a00' } },
  { selector: 'edge.invalid', style: { 'line-style': 'dotted', 'line-color': '#c0392b', 'target-arrow-color': '#c0392b' } },
  { selector: 'edge.jump', style: { 'line-color': '#3b6ea8', 'target-arrow-color': '#3b6ea8', width: 2 } },
  { selector: 'edge.transfer', style: { 'line-color': '#7d4fc4', 'target-arrow-color': '#7d4fc4' } },
  { selector: '.on-path', style: { 'background-color': '#fff3a8', 'line-color': '#e0a800', 'target-arrow-color': '#e0a800', width: 4, 'z-index': 10 } },
  { selector: ':selected', style: { 'overlay-color': '#3b6ea8', 'overlay-opacity': 0.15 } },
];

export const contextId = (id) => `c${id}`;
export const optionId = (context, digits) => `o${context}/${digits}`;
const transferId = (destination) => `t${destination}`;

/** The graph's elements for an IVR loaded by loadIvr. */
export function elementsOf(ivr) {
  const nodes = [];
  const edges = [];
  const leaves = new Map();
  for (const context of ivr.contexts) {
    const entry = ivr.settings.entry_context === context.id;
    nodes.push({ data: { id: contextId(context.id), label: (entry ? '▶ ' : '') + context.name, kind: 'context', context: context.id }, classes: 'context' + (entry ? ' entry' : '') });
    for (const option of context.options) {
      const id = optionId(context.id, option.digits);
      const builtIn = ['timeout', 'invalid'].includes(option.digits) ? option.digits : '';
      const lines = option.rules.map((rule) => '• ' + summaryOf(rule, ivr));
      nodes.push({ data: { id, label: [option.digits === 'start' ? 'start' : option.digits, ...lines].join('\n') || option.digits, kind: 'option', context: context.id, digits: option.digits }, classes: 'option ' + builtIn });
      edges.push({ data: { id: `has:${id}`, source: contextId(context.id), target: id, label: '' }, classes: 'has ' + builtIn });
      for (const rule of option.rules) {
        const condition = conditionsOf(rule, ivr);
        if (rule.action === 'jump_to_context' && ivr.contexts.some((c) => c.id === rule.context)) {
          edges.push({ data: { id: `jump:${rule.id}`, source: id, target: contextId(rule.context), label: condition || (rule.context_option && rule.context_option !== 'start' ? rule.context_option : ''), rule: rule.id }, classes: 'jump' });
        }
        for (const destination of destinationsOf(rule)) {
          if (!leaves.has(destination)) {
            const kind = destinationKind(ivr, destination);
            leaves.set(destination, kind);
            nodes.push({ data: { id: transferId(destination), label: `${destination}\n(${kind})`, kind: 'transfer', destination }, classes: 'transfer ' + kind });
          }
          edges.push({ data: { id: `transfer:${rule.id}:${destination}`, source: id, target: transferId(destination), label: condition, rule: rule.id }, classes: 'transfer' });
        }
      }
    }
  }
  return { nodes, edges };
}

export class IvrGraph {
  constructor(container, onSelect) {
    this.cy = cytoscape({ container, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    this.cy.on('tap', 'node', (event) => onSelect(event.target.data()));
    this.cy.on('tap', (event) => { if (event.target === this.cy) onSelect(null); });
  }

  show(ivr) {
    this.cy.elements().remove();
    const { nodes, edges } = elementsOf(ivr);
    this.cy.add(nodes);
    this.cy.add(edges);
    this.markFindings(ivr.findings);
    this.cy.layout({ name: 'dagre', rankDir: 'TB', nodeSep: 30, rankSep: 50, edgeSep: 10 }).run();
    this.cy.fit(undefined, 20);
  }

  /** Marks the nodes that validator findings (path "contexts[ID].options[DIGITS]...") concern. */
  markFindings(findings) {
    for (const finding of findings || []) {
      const match = /^contexts\[(\d+)\](?:\.options\[([^\]]+)\])?/.exec(finding.path);
      if (!match) continue;
      const node = this.cy.getElementById(match[2] ? optionId(match[1], match[2]) : contextId(match[1]));
      node.addClass(finding.severity === 'error' ? 'has-error' : 'has-warning');
    }
  }

  /** Highlights the path of a call's trace: contexts and options entered, transfers answered. */
  showPath(trace) {
    this.cy.elements().removeClass('on-path');
    let previous = null;
    for (const entry of trace) {
      if (entry.type === 'context_entered') {
        const context = this.cy.getElementById(contextId(entry.context));
        const option = this.cy.getElementById(optionId(entry.context, entry.option || 'start'));
        context.addClass('on-path');
        option.addClass('on-path');
        option.connectedEdges().filter((e) => e.source().same(context)).addClass('on-path');
        if (previous) previous.edgesTo(context).addClass('on-path');
        previous = option;
      }
      if (entry.type === 'transfer_answered' && previous) {
        const leaf = this.cy.getElementById(transferId(entry.destination));
        leaf.addClass('on-path');
        previous.edgesTo(leaf).addClass('on-path');
      }
    }
    return this.cy.elements('.on-path').length;
  }

  /** Shows the funnel's counts: option edges get a width and a label by how many calls took them. */
  showFunnel(funnel) {
    const max = Math.max(1, ...funnel.contexts.flatMap((c) => c.options.map((o) => o.calls)));
    this.cy.edges().style({ width: 1.5 });
    this.cy.edges('.has').forEach((edge) => edge.data('label', ''));
    for (const context of funnel.contexts) {
      for (const option of context.options) {
        const edge = this.cy.getElementById(`has:${optionId(context.context, option.digits)}`);
        if (edge.nonempty()) {
          edge.style('width', 1.5 + 10 * option.calls / max);
          edge.data('label', `${option.calls} calls`);
        }
      }
      const node = this.cy.getElementById(contextId(context.context));
      if (node.nonempty()) node.data('label', `${node.data('label').split('\n')[0]}\n${context.entered} entered · ${context.hung_up} hung up`);
    }
  }

  /** What the tests and the page read: counts of what is drawn. */
  summary() {
    return {
      contexts: this.cy.nodes('.context').length,
      options: this.cy.nodes('.option').length,
      transfers: this.cy.nodes('.transfer').length,
      jumps: this.cy.edges('.jump').length,
      edges: this.cy.edges().length,
      onPath: this.cy.elements('.on-path').map((e) => e.id()),
      findings: this.cy.nodes('.has-error, .has-warning').map((n) => n.id()),
    };
  }
}
