/**
 * The processes of a local cluster: each node is `fgossip orderer|start --config <file>` run detached (its own
 * process group, output to its log file), so that it outlives the command that started it and `cluster down`
 * (or the next `up`, after a crash) can stop it by its pid.
 */
import { spawn } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'
import { dirname } from 'node:path'
import { fgossipBin } from '../paths.js'
import type { ClusterNodePlan } from './plan.js'

/** Whether a process with this pid exists. */
export function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Starts a node's process, detached; returns its pid. */
export function startNodeProcess (node: ClusterNodePlan): number {
  const out = openSync(node.logFile, 'a')
  try {
    const child = spawn(process.execPath, [fgossipBin(), node.kind === 'orderer' ? 'orderer' : 'start', '--config', node.configFile], {
      cwd: dirname(node.configFile),
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, FABRIC_LOGGING_SPEC: process.env.FABRIC_LOGGING_SPEC ?? 'info' }
    })
    child.unref()
    if (child.pid == null) throw new Error(`${node.name} did not start`)
    return child.pid
  } finally {
    closeSync(out)
  }
}

/**
 * Stops processes: SIGTERM to each process group, then SIGKILL to what is still alive after `graceMs`.
 * @returns the pids that had to be killed
 */
export async function stopProcesses (pids: number[], graceMs = 10_000): Promise<number[]> {
  const signal = (pid: number, sig: NodeJS.Signals): void => {
    try { process.kill(-pid, sig) } catch { try { process.kill(pid, sig) } catch { /* gone */ } }
  }
  const alive = pids.filter(isAlive)
  for (const pid of alive) signal(pid, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline && alive.some(isAlive)) await new Promise(resolve => setTimeout(resolve, 100))
  const killed = alive.filter(isAlive)
  for (const pid of killed) signal(pid, 'SIGKILL')
  while (killed.some(isAlive)) await new Promise(resolve => setTimeout(resolve, 50))
  return killed
}
