using System.Buffers;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Mapster;
using Microsoft.Extensions.Logging;

namespace Ledgerline.FreshBooks.Http;

/// <summary>A body that stopped arriving part way; carries what did arrive.</summary>
internal sealed class TruncatedBodyException(byte[] received, Exception innerException)
    : IOException("The FreshBooks response ended before its declared length.", innerException)
{
    public byte[] Received { get; } = received;
}
