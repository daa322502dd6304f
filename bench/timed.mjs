import { spawnSync } from 'node:child_process';

/** Wall seconds and peak RSS (MB) of a command, measured by GNU time (/usr/bin/time). */
export function timed(command, commandArgs) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, rssMb: kb / 1024 };
}
