using Microsoft.Extensions.Options;

namespace Qoder.Extensions.Hosting;

/// <summary>The source-generated data-annotation validator; its member paths are rewritten to configuration keys by <see cref="QoderHostingOptionsValidator"/>.</summary>
[OptionsValidator]
internal sealed partial class QoderHostingOptionsDataValidator : IValidateOptions<QoderHostingOptions>
{
}
