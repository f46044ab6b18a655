namespace Waves.Engine.Expressions.Names;

/// <summary>A built-in function: its name, how it is compiled and how many arguments it takes
/// (<see cref="MaxArgs"/> = int.MaxValue for "or more").</summary>
internal sealed record BuiltinFunction(string Name, FunctionKind Kind, int MinArgs, int MaxArgs)
{
    public bool AcceptsCount(int count) => count >= MinArgs && count <= MaxArgs;

    /// <summary>"takes 3 arguments", "takes 1 argument", "takes 0 to 2 arguments", "takes 2 or more arguments".</summary>
    public string ArityText()
    {
        if (MaxArgs == int.MaxValue)
            return $"takes {MinArgs} or more arguments";
        if (MinArgs != MaxArgs)
            return $"takes {MinArgs} to {MaxArgs} arguments";
        return MinArgs == 1 ? "takes 1 argument" : $"takes {MinArgs} arguments";
    }
}
