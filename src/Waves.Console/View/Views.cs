namespace Waves.Console.View;

/// <summary>Chooses the view: the terminal one when both standard input and output are a terminal,
/// else (and for <c>--no-ui</c>) the plain one.</summary>
static class Views
{
    public static IPlayView Create(bool noUi) =>
        !noUi && !System.Console.IsOutputRedirected && !System.Console.IsInputRedirected
            ? new TerminalView(System.Console.Out)
            : new PlainView();
}
