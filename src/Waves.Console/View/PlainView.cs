using System.Globalization;

namespace Waves.Console.View;

/// <summary>
/// The view for logs, pipes and <c>--no-ui</c>: plain lines on standard output, commands read line
/// by line from standard input, and a line whenever the device ran short of audio.
/// </summary>
sealed class PlainView : IPlayView
{
    readonly object gate = new();
    LiveStatus? status;
    long underrunsShown;
    DateTime lastUnderrunLine;

    public void Start(LiveStatus status, Action<string> command)
    {
        this.status = status;
        var reader = new Thread(() =>
        {
            string? line;
            while ((line = System.Console.In.ReadLine()) is not null)
            {
                command(line);
                if (line.Trim() is "stop" or "quit") break;
            }
        }) { IsBackground = true, Name = "waves commands" };
        reader.Start();
    }

    public void Print(string line)
    {
        lock (gate) System.Console.Out.WriteLine(line);
    }

    public void Refresh()
    {
        if (status is null) return;
        var count = status.Feed.Underruns;
        if (count == underrunsShown || DateTime.UtcNow - lastUnderrunLine < TimeSpan.FromSeconds(1)) return;
        (underrunsShown, lastUnderrunLine) = (count, DateTime.UtcNow);
        Print(string.Create(CultureInfo.InvariantCulture,
            $"underrun: the device ran short {count} times ({status.Feed.MissingFrames * 1000.0 / status.Feed.DeviceRate:0} ms of silence so far)"));
    }

    public void Dispose() { }
}
