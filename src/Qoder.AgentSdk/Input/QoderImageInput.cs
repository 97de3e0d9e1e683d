namespace Qoder.AgentSdk.Input;

/// <summary>An image block of a user message: inline base64 data with its media type, or a URL the CLI fetches.</summary>
public sealed class QoderImageInput : QoderInputBlock
{
    private QoderImageInput(string? mediaType, string? data, Uri? url)
    {
        MediaType = mediaType;
        Data = data;
        Url = url;
    }

    /// <summary>Gets the media type of inline data, such as <c>image/png</c>; <see langword="null"/> for a URL image.</summary>
    public string? MediaType { get; }

    /// <summary>Gets the base64 data; <see langword="null"/> for a URL image.</summary>
    public string? Data { get; }

    /// <summary>Gets the image URL; <see langword="null"/> for inline data.</summary>
    public Uri? Url { get; }

    /// <summary>Creates an image from base64 data.</summary>
    /// <param name="mediaType">The media type, such as <c>image/png</c>.</param>
    /// <param name="base64Data">The image bytes, base64-encoded.</param>
    /// <returns>The block.</returns>
    public static QoderImageInput FromBase64(string mediaType, string base64Data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        ArgumentException.ThrowIfNullOrEmpty(base64Data);
        return new QoderImageInput(mediaType, base64Data, null);
    }

    /// <summary>Creates an image from its bytes.</summary>
    /// <param name="mediaType">The media type, such as <c>image/png</c>.</param>
    /// <param name="bytes">The image bytes.</param>
    /// <returns>The block.</returns>
    public static QoderImageInput FromBytes(string mediaType, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new ArgumentException("The image has no bytes.", nameof(bytes));
        }

        return FromBase64(mediaType, Convert.ToBase64String(bytes));
    }

    /// <summary>Creates an image the CLI reads from a URL.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>The block.</returns>
    public static QoderImageInput FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The image URL must be absolute.", nameof(url));
        }

        return new QoderImageInput(null, null, url);
    }
}
