using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Kith.Tests.Contacts;

/// <summary>Images built in the test: real encodings from SkiaSharp, plus hand-made metadata, payloads and headers.</summary>
public static class TestImages
{
    public static byte[] Encode(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            // Left half red, right half blue: enough structure to tell a rotation from the original.
            canvas.Clear(SKColors.Blue);
            using var paint = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
            // Some noise so the scan data is long enough to be cut in the middle.
            for (var i = 0; i < width * height / 20; i++)
            {
                var n = (uint)(i * 2654435761L);
                bitmap.SetPixel((int)(n % (uint)width), (int)(n / 7 % (uint)height), new SKColor(n | 0xFF000000));
            }
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// Inserts an APP1 Exif segment after the JPEG's SOI: orientation 6 (turn 90° clockwise to display), an
    /// ImageDescription holding <paramref name="canary"/>, and a GPS IFD (latitude 48° N) that also carries it.
    /// </summary>
    public static byte[] JpegWithExif(byte[] jpeg, string canary)
    {
        var text = Encoding.ASCII.GetBytes(canary + "\0");
        using var tiff = new MemoryStream();
        void U16(int v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); tiff.Write(b); }
        void U32(long v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v); tiff.Write(b); }
        void Entry(int tag, int type, long count, long value) { U16(tag); U16(type); U32(count); U32(value); }

        const int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4;
        const int gpsIfd = ifd0 + ifd0Size, gpsSize = 2 + 3 * 12 + 4;
        const int latitude = gpsIfd + gpsSize;
        var description = latitude + 24;
        tiff.Write("II*\0"u8);
        U32(ifd0);
        U16(3);
        Entry(0x010E, 2, text.Length, description);   // ImageDescription
        Entry(0x0112, 3, 1, 6);                       // Orientation = 6
        Entry(0x8825, 4, 1, gpsIfd);                  // GPS IFD pointer
        U32(0);
        U16(3);
        Entry(0x0001, 2, 2, 'N');                     // GPSLatitudeRef "N"
        Entry(0x0002, 5, 3, latitude);                // GPSLatitude 48/1 51/1 0/1
        Entry(0x001B, 7, text.Length, description);   // GPSProcessingMethod: the canary again
        U32(0);
        foreach (var (num, den) in new[] { (48, 1), (51, 1), (0, 1) }) { U32(num); U32(den); }
        tiff.Write(text);

        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff.ToArray()).ToArray();
        return Insert(jpeg, 0xE1, payload);
    }

    /// <summary>A JPEG that is also an HTML page: the payload in a comment segment and again after the end-of-image marker.</summary>
    public static byte[] JpegHtmlPolyglot(byte[] jpeg, string html) =>
        [.. Insert(jpeg, 0xFE, Encoding.ASCII.GetBytes(html)), .. Encoding.ASCII.GetBytes(html)];

    /// <summary>A syntactically valid PNG header claiming <paramref name="side"/> × <paramref name="side"/> pixels, with a few rows of data.</summary>
    public static byte[] HugePngHeader(int side)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, side);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), side);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale
        Chunk(png, "IHDR", ihdr);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(new byte[4 * (side + 1)]);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    private static byte[] Insert(byte[] jpeg, byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        byte[] segment = [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
