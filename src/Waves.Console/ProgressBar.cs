namespace Waves.Console;

/// <summary>A progress bar on standard error, for renders longer than a few seconds of audio on a terminal.</summary>
sealed class ProgressBar(long total, int sampleRate)
{
    readonly bool enabled = !System.Console.IsErrorRedirected && total > 10L * sampleRate;
    int lastPercent = -1;

    public void Update(long done)
    {
        if (!enabled) return;
        var percent = (int)(done * 100 / Math.Max(1, total));
        if (percent == lastPercent) return;
        lastPercent = percent;
        var filled = percent * 30 / 100;
        System.Console.Error.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {percent,3}%");
    }

    public void Done()
    {
        if (enabled && lastPercent >= 0) System.Console.Error.Write("\r" + new string(' ', 40) + "\r");
    }
}
