using Waves.Console.Output;

namespace Waves.Console.Commands;

/// <summary>
/// <c>waves devices</c>: what each output backend can play to (the names <c>--device</c> takes) and each
/// input backend can capture from (<c>--input-device</c>), or
/// why it cannot be reached here.
/// </summary>
static class DevicesCommand
{
    public static int Run(string[] args)
    {
        Options.Parse(args, new HashSet<string>()).RequireOnly([], positional: 0);
        foreach (var (backend, devices, problem) in Outputs.Devices().Concat(Input.Captures.Devices().Select(d => ("input " + d.Backend, d.Devices, d.Problem))))
        {
            if (problem is not null)
            {
                System.Console.Out.WriteLine($"{backend}: unavailable: {problem}");
                continue;
            }
            System.Console.Out.WriteLine(devices.Count == 0 ? $"{backend}: no devices" : $"{backend}:");
            foreach (var device in devices) System.Console.Out.WriteLine($"  {device}");
        }
        return 0;
    }
}
