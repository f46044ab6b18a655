namespace Waves.Console.View;

/// <summary>
/// What <c>waves play</c> shows while it plays, and where the user's commands come from. The
/// control loop calls <see cref="Refresh"/> on its own thread; <see cref="Print"/> may be called
/// from any thread. Commands are the same lines a user can type on standard input.
/// </summary>
interface IPlayView : IDisposable
{
    /// <summary>Begins showing <paramref name="status"/>; user actions go to <paramref name="command"/>.</summary>
    void Start(LiveStatus status, Action<string> command);

    /// <summary>A message for the user (reload applied, problems, notes).</summary>
    void Print(string line);

    /// <summary>Redraws (called about 20 times a second).</summary>
    void Refresh();
}
