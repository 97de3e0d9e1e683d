namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>
/// Processes being started, per launch identity. Identities embed per-request options, so a key is forgotten when
/// its count drops to zero: the map holds only what is starting now, not every identity the host has seen.
/// </summary>
internal sealed class StartingCounter
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    /// <summary>Gets the number of identities with a start in progress.</summary>
    public int Keys => _counts.Count;

    public int this[string key] => _counts.GetValueOrDefault(key);

    public void Increment(string key)
    {
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        Total++;
    }

    public void Decrement(string key)
    {
        var left = _counts[key] - 1;
        if (left == 0)
        {
            _counts.Remove(key);
        }
        else
        {
            _counts[key] = left;
        }

        Total--;
    }
}
