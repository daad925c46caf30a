import CRsvg
import Foundation

/// SVG drawings as PDF, through librsvg and cairo: one page of exactly the drawing's
/// paper size, vector, its text kept as text. Every C call of the package's PDF output
/// goes through this file.
public enum PDFDrawing {
    /// Why a drawing could not be turned into PDF.
    public enum Failure: Error, CustomStringConvertible {
        /// librsvg could not read the SVG (`rsvg_handle_new_from_data` set a GError).
        case unreadableSVG(String)
        /// librsvg could not draw it (`rsvg_handle_render_document` returned FALSE).
        case renderingFailed(String)
        /// cairo's surface or context ended in an error status (`cairo_status_t`).
        case cairo(String)

        public var description: String {
            switch self {
            case .unreadableSVG(let m): "librsvg cannot read the drawing: \(m)"
            case .renderingFailed(let m): "librsvg cannot draw the drawing: \(m)"
            case .cairo(let m): "cairo: \(m)"
            }
        }
    }

    /// Millimetres to PDF points.
    static let pointsPerMillimetre = 72 / 25.4

    /// Collects the bytes cairo writes.
    private final class Sink {
        var data = Data()
    }

    /// `svg` drawn on one PDF page of `width` × `height` millimetres. The file carries a
    /// fixed creation date, so the same drawing gives the same bytes.
    public static func pdf(svg: String, width: Double, height: Double) throws(Failure) -> Data {
        let bytes = Array(svg.utf8)
        var error: UnsafeMutablePointer<GError>?
        guard let handle = bytes.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }) else {
            throw .unreadableSVG(consume(error))
        }
        defer { g_object_unref(handle) }
        let sink = Sink()
        let (w, h) = (width * pointsPerMillimetre, height * pointsPerMillimetre)
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(data, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), w, h)
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "expoplan")
        let context = cairo_create(surface)
        var viewport = RsvgRectangle(x: 0, y: 0, width: w, height: h)
        let drawn = rsvg_handle_render_document(handle, context, &viewport, &error)
        let contextStatus = cairo_status(context)
        cairo_destroy(context)
        guard drawn != 0 else { throw .renderingFailed(consume(error)) }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard contextStatus == CAIRO_STATUS_SUCCESS, status == CAIRO_STATUS_SUCCESS else {
            throw .cairo(String(cString: cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : contextStatus)))
        }
        return withExtendedLifetime(sink) { sink.data }
    }

    /// The message of a GError, freed.
    private static func consume(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "unknown error" }
        defer { g_error_free(error) }
        return String(cString: error.pointee.message)
    }
}
