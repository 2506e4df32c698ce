using System.Globalization;
using System.Text;
using QRCoder;

namespace Kith.Features.Account.TwoFactor;

/// <summary>
/// Renders a QR code as SVG markup built from the module matrix only (numbers, no input text), with
/// presentation attributes instead of style, so it can be inlined under the strict CSP.
/// </summary>
public static class QrCodeSvg
{
    public static string Render(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (data.ModuleMatrix[y][x]) path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
            }
        }
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="240" height="240" role="img" aria-label="QR code for your authenticator app" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }
}
