namespace Qoder.Conformance.Tests;

/// <summary>
/// What the scripted model says, written once and translated by each target: a stand-in scenario, a fake-responses
/// file (route A) or the backend mock's queue (route B). Turns are the prompts the test sends; each turn's model calls
/// are answered in order.
/// </summary>
public sealed class ConformanceScript
{
    public List<ScriptTurn> Turns { get; } = [];

    public static ConformanceScript Create() => new();

    public ConformanceScript Turn(Action<ScriptTurn> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var turn = new ScriptTurn();
        configure(turn);
        Turns.Add(turn);
        return this;
    }

    /// <summary>A script of one turn that only answers <paramref name="text"/>.</summary>
    public static ConformanceScript Reply(string text) => Create().Turn(t => t.Text(text));

    public IEnumerable<ScriptModelCall> AllCalls => Turns.SelectMany(turn => turn.Calls);
}
