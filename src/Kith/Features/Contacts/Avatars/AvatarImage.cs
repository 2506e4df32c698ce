using SkiaSharp;

namespace Kith.Features.Contacts.Avatars;

/// <summary>Why an upload was refused: the HTTP status to answer and a message for the form.</summary>
public sealed record AvatarProblem(int Status, string Message);

/// <summary>
/// Turns an uploaded photo into the stored avatar: only JPEG, PNG and WebP (by their bytes, never the file name or
/// Content-Type), dimensions checked from the header before any pixel is decoded, then decoded, turned upright by its
/// EXIF orientation, scaled down and re-encoded as WebP. Only pixels survive: EXIF, GPS, comments and anything
/// appended to the file (polyglot payloads) are gone.
/// </summary>
public static class AvatarImage
{
    public const int MaxSide = 512;
    public const string ContentType = "image/webp";
    public const string Extension = ".webp";

    /// <summary>A bigger header is a decompression bomb or a panorama nobody needs as an avatar.</summary>
    public const int MaxSourceSide = 12_000;
    public const long MaxSourcePixels = 50_000_000;

    private const int Quality = 85;

    // A PNG cannot be scaled while it is decoded, so a large one briefly takes width × height × 4 bytes: two at a time.
    private static readonly SemaphoreSlim Decoders = new(2);

    public static AvatarProblem? Sniff(ReadOnlySpan<byte> data) =>
        FormatOf(data) is null
            ? new(StatusCodes.Status415UnsupportedMediaType, "Choose a JPEG, PNG or WebP image.")
            : null;

    public static async Task<(byte[]? Encoded, AvatarProblem? Problem)> ProcessAsync(byte[] data, CancellationToken ct)
    {
        var format = FormatOf(data);
        if (format is null) return (null, Sniff(data));
        await Decoders.WaitAsync(ct);
        try
        {
            return Process(data, format.Value);
        }
        finally
        {
            Decoders.Release();
        }
    }

    private static (byte[]?, AvatarProblem?) Process(byte[] data, SKEncodedImageFormat format)
    {
        using var skData = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(skData);
        if (codec is null || codec.EncodedFormat != format) return (null, Unreadable);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSourceSide || height > MaxSourceSide || (long)width * height > MaxSourcePixels)
            return (null, new(StatusCodes.Status400BadRequest,
                $"The image is too large: at most {MaxSourceSide} pixels on a side and {MaxSourcePixels / 1_000_000} megapixels."));

        using var decoded = Decode(codec);
        if (decoded is null) return (null, Unreadable);
        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = image.Encode(SKEncodedImageFormat.Webp, Quality);
        return encoded is null ? (null, Unreadable) : (encoded.ToArray(), null);
    }

    private static readonly AvatarProblem Unreadable =
        new(StatusCodes.Status400BadRequest, "The image could not be read: it is damaged, truncated or not really a JPEG, PNG or WebP file.");

    private static SKEncodedImageFormat? FormatOf(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return SKEncodedImageFormat.Jpeg;
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return SKEncodedImageFormat.Png;
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return SKEncodedImageFormat.Webp;
        return null;
    }

    /// <summary>Decodes at the smallest size the codec offers that is still at least the avatar size (JPEG and WebP scale while decoding).</summary>
    private static SKBitmap? Decode(SKCodec codec)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = longest > MaxSide ? codec.GetScaledDimensions((float)MaxSide / longest) : codec.Info.Size;
        if (Math.Max(size.Width, size.Height) < Math.Min(MaxSide, longest)) size = codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }
        // Anything but a full success (a truncated file decodes as IncompleteInput) is refused, not half-stored.
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }
        return bitmap;
    }

    /// <summary>Applies the EXIF orientation and scales so the longest side is at most <see cref="MaxSide"/>.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var scale = Math.Min(1f, (float)MaxSide / Math.Max(w, h));
        var (outW, outH) = (Math.Max(1, (int)Math.Round(w * scale)), Math.Max(1, (int)Math.Round(h * scale)));

        var result = new SKBitmap(new SKImageInfo(outW, outH, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(outW / (float)w, outH / (float)h);
        canvas.Concat(OrientationMatrix(origin, source.Width, source.Height));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        return result;
    }

    /// <summary>Maps the stored pixels (width × height) to the upright picture, per the EXIF orientation tag.</summary>
    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
