using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class InputState : NodeState;

/// <summary>
/// <c>input</c>: the session's live audio input (microphone, line), read per block from
/// <see cref="SessionInputs.Audio"/>; silent when the session has none (an offline render), as the
/// original was when its stream did not open. Differences from the original, deliberate: every
/// <c>input</c> node of a patch hears the same frames (the original's nodes took turns at one queue,
/// so two of them each got different samples); the frames are the session's, so a replay hears what
/// the live session heard; <c>channel</c> picks the right channel, their mean or both (the original
/// took only the first). <c>device</c> is accepted, but a session has one input, chosen with
/// <c>play --input-device</c>. Ends after <c>duration</c>, else never.
/// </summary>
public sealed class Input : Signal
{
    public static readonly NodeInfo Info = new(
        "input", "live audio input (silent when rendering offline)", "mono; stereo with channel: stereo",
        [
            new("amp", ParamKind.Wave, "gain, per sample") { Default = 1 },
            new("channel", ParamKind.Enum, "the input channel: left (the first, as the original), right, mix (their mean) or stereo")
                { DefaultText = "left", Choices = ["left", "right", "mix", "stereo"] },
            new("device", ParamKind.Any, "accepted for compatibility: the session's input is chosen with play --input-device"),
        ],
        ExtraKeys.Forbid,
        Compile);

    enum Channel { Left, Right, Mix, Stereo }

    readonly InputState state;
    readonly AudioInput? audio;
    readonly Channel channel;
    readonly Wave amp;
    readonly long total;
    readonly float[] inL, inR, ampBuf;

    Input(NodeSpec spec, CompileScope scope, Channel channel) : base(spec, scope.MaxBlock, channel == Channel.Stereo)
    {
        state = scope.Bind<InputState>(spec);
        this.channel = channel;
        audio = scope.Env.Inputs.Audio;
        amp = scope.WithDuration(spec.Duration).CompileWave(spec.Get("amp"), 1, spec, "amp");
        total = spec.Duration is { } d ? (long)(d * scope.SampleRate) : long.MaxValue;
        inL = new float[scope.MaxBlock];
        inR = new float[scope.MaxBlock];
        ampBuf = new float[scope.MaxBlock];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope) =>
        new Input(spec, scope, Enum.Parse<Channel>((spec.Get("channel") as Value.Text)?.V ?? "left", ignoreCase: true));

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (n == 0) return Finish(block, 0);
        var l = inL.AsSpan(0, n);
        var r = inR.AsSpan(0, n);
        if (audio is null)
        {
            l.Clear();
            r.Clear();
        }
        else audio.Read(block.Frame, l, r);
        amp.Fill(block with { Count = n }, clock, ampBuf);
        var outL = Left;
        for (var i = 0; i < n; i++)
            outL[i] = ampBuf[i] * channel switch
            {
                Channel.Right => r[i],
                Channel.Mix => (l[i] + r[i]) * 0.5f,
                _ => l[i],
            };
        if (Right is { } outR)
            for (var i = 0; i < n; i++) outR[i] = ampBuf[i] * r[i];
        state.Clock = clock + n;
        return Finish(block, n);
    }

    public override IEnumerable<Signal> Children => amp.Children;
}
