using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>Thrown inside request handling to answer with the family's error body; never escapes the sandbox.</summary>
internal sealed class ResourceException(int status, IReadOnlyList<ApiError> errors) : Exception(errors[0].Message)
{
    public int Status { get; } = status;

    public IReadOnlyList<ApiError> Errors { get; } = errors;

    public ResourceException(int status, ApiError error)
        : this(status, [error])
    {
    }
}
