using System.Runtime.InteropServices;

namespace Waves.Console.Output.Native;

/// <summary>
/// Raises the calling thread's scheduling priority on Linux, as audio programs do for their audio
/// threads (.NET's Thread.Priority does nothing there): real-time round-robin scheduling when
/// allowed (root, or an rtprio limit), else a lower nice value, else nothing. The kernel's
/// real-time throttling keeps a runaway thread from locking the machine.
/// </summary>
static class Scheduling
{
    const int SchedRoundRobin = 2, PrioProcess = 0, SysGetTid = 186;

    [StructLayout(LayoutKind.Sequential)]
    struct SchedParam { public int Priority; }

    [DllImport("libc", SetLastError = true, EntryPoint = "sched_setscheduler")]
    static extern int SetScheduler(int pid, int policy, ref SchedParam param);

    [DllImport("libc", SetLastError = true, EntryPoint = "setpriority")]
    static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "syscall")]
    static extern long Syscall(long number);

    /// <summary>What the calling thread got, for the user: "real-time", "nice -10" or "normal".</summary>
    public static string RaiseCurrentThread(int realtimePriority)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return "normal";
        try
        {
            var param = new SchedParam { Priority = realtimePriority };
            // pid 0 is the calling thread for sched_setscheduler; setpriority needs its thread id.
            if (SetScheduler(0, SchedRoundRobin, ref param) == 0) return "real-time";
            if (SetPriority(PrioProcess, (int)Syscall(SysGetTid), -10) == 0) return "nice -10";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        return "normal";
    }
}
