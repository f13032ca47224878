package kw.billpay.channel.banktransfer;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import lombok.RequiredArgsConstructor;

/**
 * ISO 20022 date-times ({@code GrpHdr/CreDtTm}, {@code BookgDt/DtTm}, {@code ValDt/DtTm}) may come without an offset
 * ("2025-11-27T10:00:00"): local time of the bank. Prowide reads those as UTC, three hours off for a Kuwaiti bank;
 * this reads them in the bank's zone instead. A date-time with an offset or 'Z' is taken as written. Given to JAXB in
 * place of Prowide's own conversion (its IsoDateTimeAdapter takes a custom one).
 */
@RequiredArgsConstructor
final class LocalDateTimeAdapter extends XmlAdapter<String, OffsetDateTime> {

    private final ZoneId bankZone;

    @Override
    public OffsetDateTime unmarshal(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        try {
            return OffsetDateTime.parse(trimmed);
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(trimmed).atZone(bankZone).toOffsetDateTime();
        }
    }

    @Override
    public String marshal(OffsetDateTime dateTime) {
        return dateTime == null ? null : dateTime.toString();
    }
}
