/**
 * Reading a cluster's state from its nodes' operations servers (`/healthz`, `/status`) and showing it: the
 * table of `fgossip cluster up|status` (org, node, leader, height per channel, alive members) and one node's
 * status for `fgossip status --operations URL`.
 */
import { isAlive } from './processes.js'
import type { ClusterNodePlan, ClusterPlan } from './plan.js'

/** The parts of a peer's or an orderer's `GET /status` shown here. */
export interface NodeStatusDoc {
  id?: string
  mspId?: string
  peerId?: string
  pkiId?: string
  endpoint?: string
  externalEndpoint?: string
  listenAddresses?: string[]
  members?: Array<{ mspId: string, endpoint: string, alive: boolean, pkiId: string }>
  connections?: unknown[]
  channels?: Record<string, { height: number, isLeader?: boolean, orderer?: string, peers?: unknown[], orgs?: string[], batch?: unknown }>
}

export interface NodeView {
  node: ClusterNodePlan
  running: boolean
  healthy: boolean
  status?: NodeStatusDoc
}

async function getJson (url: string): Promise<{ ok: boolean, body?: unknown }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1500) })
    const text = await res.text()
    let body: unknown
    try { body = JSON.parse(text) } catch { body = undefined }
    return { ok: res.ok, body }
  } catch {
    return { ok: false }
  }
}

/** Fetches one node's status document (undefined when it does not answer). */
export async function fetchStatus (base: string): Promise<NodeStatusDoc | undefined> {
  const res = await getJson(`${base.replace(/\/$/, '')}/status`)
  return res.ok ? res.body as NodeStatusDoc : undefined
}

export async function collect (plan: ClusterPlan): Promise<NodeView[]> {
  return await Promise.all(plan.nodes.map(async node => {
    const pid = plan.pids[node.name]
    const base = `http://127.0.0.1:${node.opsPort}`
    const [health, status] = await Promise.all([getJson(`${base}/healthz`), fetchStatus(base)])
    return { node, running: pid != null && isAlive(pid), healthy: health.ok, status }
  }))
}

export interface Convergence {
  healthy: number
  total: number
  /** peers that see every other peer alive and in the channel */
  meshed: number
  peers: number
  /** orgs with exactly one leader in the channel */
  led: number
  orgs: number
  done: boolean
}

export function convergence (plan: ClusterPlan, views: NodeView[]): Convergence {
  const peers = views.filter(v => v.node.kind === 'peer')
  const others = peers.length - 1
  const meshed = peers.filter(v => (v.status?.members ?? []).filter(m => m.alive).length >= others &&
    (v.status?.channels?.[plan.channel]?.peers ?? []).length >= others).length
  let led = 0
  for (let org = 1; org <= plan.orgs; org++) {
    if (peers.filter(v => v.node.org === org && v.status?.channels?.[plan.channel]?.isLeader === true).length === 1) led++
  }
  const healthy = views.filter(v => v.healthy).length
  return { healthy, total: views.length, meshed, peers: peers.length, led, orgs: plan.orgs, done: healthy === views.length && meshed === peers.length && led === plan.orgs }
}

export function progressLine (c: Convergence): string {
  return `healthy ${c.healthy}/${c.total}, peers seeing all others ${c.meshed}/${c.peers}, orgs with a leader ${c.led}/${c.orgs}`
}

function table (header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)))
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
  return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** The cluster table: one row per node. */
export function renderCluster (plan: ClusterPlan, views: NodeView[]): string {
  const rows = views.map(v => {
    const ch = v.status?.channels?.[plan.channel]
    const state = !v.running ? 'down' : v.healthy ? 'up' : 'starting'
    const members = v.node.kind === 'peer' ? String((v.status?.members ?? []).filter(m => m.alive).length) : '-'
    const leader = v.node.kind === 'peer' ? (ch?.isLeader === true ? 'leader' : ch != null ? '' : '?') : '-'
    return [v.node.kind === 'orderer' ? 'orderer' : v.node.mspId, v.node.name, state, leader, ch != null ? String(ch.height) : '?', members, `127.0.0.1:${v.node.port}`]
  })
  return table(['org', 'node', 'state', 'leader', `${plan.channel} height`, 'alive members', 'endpoint'], rows)
}

/** One node's status, readably (a peer's or an orderer's document). */
export function renderNode (s: NodeStatusDoc): string {
  const lines: string[] = []
  const kind = s.pkiId != null ? 'peer' : 'orderer'
  lines.push(`${kind} ${s.id ?? ''} (${s.mspId ?? '?'})`.replace('  ', ' '))
  if (s.peerId != null) lines.push(`  peerId     ${s.peerId}`)
  if (s.pkiId != null) lines.push(`  pkiId      ${s.pkiId}`)
  if (s.endpoint != null) lines.push(`  endpoint   ${s.endpoint}${s.externalEndpoint != null && s.externalEndpoint !== '' ? ` (external ${s.externalEndpoint})` : ''}`)
  for (const a of s.listenAddresses ?? []) lines.push(`  listening  ${a}`)
  if (s.connections != null) lines.push(`  connections ${s.connections.length}`)
  const channels = Object.entries(s.channels ?? {})
  if (channels.length > 0) {
    lines.push('')
    lines.push(table(['channel', 'height', 'leader', 'channel peers', 'orderer'], channels.map(([name, c]) => [
      name, String(c.height), kind === 'peer' ? (c.isLeader === true ? 'yes' : 'no') : '-', c.peers != null ? String(c.peers.length) : '-', c.orderer ?? ''
    ])))
  }
  const members = s.members ?? []
  if (members.length > 0) {
    lines.push('')
    lines.push(table(['member', 'msp', 'endpoint', 'state'], members.map(m => [m.pkiId.slice(0, 16), m.mspId, m.endpoint, m.alive ? 'alive' : 'dead'])))
  }
  return lines.join('\n')
}
