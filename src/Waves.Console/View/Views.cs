namespace Waves.Console.View;

/// <summary>Chooses the view: the plain one for <c>--no-ui</c> or when output is not a terminal.</summary>
static class Views
{
    public static IPlayView Create(bool noUi) => new PlainView();
}
