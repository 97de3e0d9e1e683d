namespace Qoder.Extensions.Hosting.Binding;

/// <summary>How bound values reach the options, the way the reflection binder would: collections grow, maps are overlaid.</summary>
internal static class BindingMerge
{
    /// <summary>Adds <paramref name="items"/> to a collection the options own.</summary>
    public static void Append<T>(ICollection<T> target, IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            target.Add(item);
        }
    }

    /// <summary>A settable list after binding: <see langword="null"/> when nothing was bound, otherwise the existing items then the bound ones.</summary>
    public static IList<T>? Concat<T>(IList<T>? existing, List<T>? bound) =>
        bound is null ? existing : [.. existing ?? [], .. bound];

    /// <summary>Sets every bound entry on a map the options own.</summary>
    public static void SetAll<TValue>(IDictionary<string, TValue> target, IDictionary<string, TValue> bound)
    {
        foreach (var (key, value) in bound)
        {
            target[key] = value;
        }
    }

    /// <summary>A settable map after binding: <see langword="null"/> when nothing was bound, otherwise the existing map (or a new one) with the bound entries set.</summary>
    public static IDictionary<string, TValue>? Overlay<TValue>(IDictionary<string, TValue>? existing, Dictionary<string, TValue>? bound)
    {
        if (bound is null)
        {
            return existing;
        }

        existing ??= new Dictionary<string, TValue>(StringComparer.Ordinal);
        SetAll(existing, bound);
        return existing;
    }

    /// <summary>The entry under <paramref name="key"/>, created and added when missing (bound values go into an existing entry).</summary>
    public static TValue Entry<TValue>(IDictionary<string, TValue> target, string key, Func<TValue> create)
    {
        if (!target.TryGetValue(key, out var value))
        {
            target[key] = value = create();
        }

        return value;
    }
}
