namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>Where a cold conversation was resumed from (the <c>qoder.resume.source</c> tag).</summary>
internal enum ResumeSource
{
    /// <summary>The CLI's transcript on this machine.</summary>
    Local,

    /// <summary>The agent's session store, materialised for the CLI.</summary>
    Store,
}
