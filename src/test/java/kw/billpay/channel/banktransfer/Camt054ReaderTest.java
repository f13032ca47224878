package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reader's contract beyond the fixtures: every version, the caller's stream, DTDs never fetched, local times. */
class Camt054ReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Camt054Version.class)
    void readsEachVersionFromItsNamespaceIntoTheSameModel(Camt054Version version) throws IOException {
        Path file = dir.resolve(version + ".xml");
        Camt054TestFiles.write(file, version, "MSG-" + version, 3);

        try (Camt054Reader reader = Camt054Reader.open(file)) {
            assertThat(reader.notification().version()).isEqualTo(version);
            assertThat(reader.notification().messageId()).isEqualTo("MSG-" + version);
            List<EntryRead> entries = reader.entries().toList();

            assertThat(entries).hasSize(3).allSatisfy(read -> assertThat(read).isInstanceOf(BankEntry.class));
            BankEntry second = (BankEntry) entries.get(1);
            assertThat(second.accountServicerReference()).isEqualTo("REF-2");
            assertThat(second.amount()).isEqualTo(Money.of("1.002", "KWD"));
            assertThat(second.status()).isEqualTo(BankEntry.EntryStatus.BOOK);
            assertThat(second.notification().accountIban()).isEqualTo("KW81CBKU0000000000001234560101");
            TransactionDetail transfer = second.transactions().get(0);
            assertThat(transfer.accountServicerReference()).isEqualTo("REF-2-1");
            assertThat(transfer.amount()).isEqualTo(Money.of("1.002", "KWD"));
            assertThat(transfer.debtorName()).isEqualTo("Debtor 2");
            assertThat(transfer.unstructured()).containsExactly("card 4242 4242 4242 0002");
            assertThat(transfer.creditorReferences()).containsExactly("CR-2");
        }
    }

    @Test
    void anExternalDtdIsNeverFetched() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            String url = "http://127.0.0.1:" + server.socket().getLocalPort() + "/camt.054.dtd";
            for (String doctype : List.of("<!DOCTYPE Document SYSTEM \"" + url + "\">",
                    "<!DOCTYPE Document [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>")) {
                byte[] xml = ("<?xml version=\"1.0\"?>" + doctype + "<Document xmlns=\""
                        + Camt054Version.V08.namespace() + "\"/>").getBytes(StandardCharsets.UTF_8);

                assertThatThrownBy(() -> Camt054Reader.open(new ByteArrayInputStream(xml)))
                        .isInstanceOfSatisfying(Camt054RefusedException.class,
                                e -> assertThat(e.reason()).isEqualTo(Camt054Refusal.DTD_NOT_ALLOWED));
                assertThat(server.accept()).as("a connection to the DTD's address").isNull();
            }
        }
    }

    @Test
    void elementsNestedDeeperThanAnyCamt054RefuseTheFile() throws IOException {
        String nested = "<X>".repeat(100) + "</X>".repeat(100);
        String xml = Camt054TestFiles.header(Camt054Version.V08, "DEEP-1", "2025-11-27T10:00:00+03:00")
                + Camt054TestFiles.entry(Camt054Version.V08, 1).replace("<Unknown>ignored</Unknown>", nested)
                + Camt054TestFiles.FOOTER;
        Path file = Files.writeString(dir.resolve("deep.xml"), xml);

        try (Camt054Reader reader = Camt054Reader.open(file)) {
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(Camt054RefusedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Camt054Refusal.NOT_WELL_FORMED));
        }
    }

    @Test
    void aDateTimeWithoutOffsetIsTheBanksLocalTime() throws IOException {
        String xml = Camt054TestFiles.header(Camt054Version.V08, "LOCAL-1", "2025-11-27T10:00:00")
                + Camt054TestFiles.entry(Camt054Version.V08, 1).replace("<BookgDt><Dt>2025-11-27</Dt></BookgDt>",
                "<BookgDt><DtTm>2025-11-27T09:30:00</DtTm></BookgDt>") + Camt054TestFiles.FOOTER;
        Path file = Files.writeString(dir.resolve("local.xml"), xml);

        try (Camt054Reader kuwait = Camt054Reader.open(file)) {
            assertThat(kuwait.notification().createdAt()).isEqualTo(OffsetDateTime.parse("2025-11-27T10:00+03:00"));
            assertThat(((BankEntry) kuwait.next()).bookingDate().dateTime())
                    .isEqualTo(OffsetDateTime.parse("2025-11-27T09:30+03:00"));
        }
        try (Camt054Reader utc = Camt054Reader.open(file, ZoneOffset.UTC)) {
            assertThat(utc.notification().createdAt()).isEqualTo(OffsetDateTime.parse("2025-11-27T10:00Z"));
        }
    }

    @Test
    void aStreamTheCallerOpenedStaysOpen() throws IOException {
        Path file = dir.resolve("one.xml");
        Camt054TestFiles.write(file, Camt054Version.V05, "ONE", 1);
        AtomicBoolean closed = new AtomicBoolean();
        try (InputStream in = new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        }) {
            try (Camt054Reader reader = Camt054Reader.open(in)) {
                reader.forEachRemaining(read -> { });
            }
            assertThat(closed).isFalse();
        }
    }

    @Test
    void afterTheLastEntryThereIsNoNext() throws IOException {
        Path file = dir.resolve("two.xml");
        Camt054TestFiles.write(file, Camt054Version.V08, "TWO", 2);

        try (Camt054Reader reader = Camt054Reader.open(file)) {
            assertThat(reader.next().position()).isEqualTo(1);
            assertThat(reader.next().position()).isEqualTo(2);
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.hasNext()).isFalse();
            assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void anEntryProblemNamesTheElementAndTheValue() {
        Path file = Camt054FixturesTest.folder().resolve("v08-bad-entries.xml");

        try (Camt054Reader reader = Camt054Reader.open(file)) {
            List<String> details = reader.entries().filter(EntryProblem.class::isInstance)
                    .map(read -> ((EntryProblem) read).detail()).toList();

            assertThat(details).containsExactly(
                    details.get(0), // JAXB's words for "12,500"
                    details.get(1), // the date parser's for "27.11.2025"
                    "Ntry/Amt has no Ccy",
                    "Ntry/Amt: currency \"XYZ\" is not a known ISO 4217 code",
                    "Ntry/Amt is missing",
                    "Ntry/CdtDbtInd is missing or neither CRDT nor DBIT",
                    "Ntry/Sts is missing (or, before 001.07, not BOOK, PDNG or INFO)",
                    "TxDtls[2] has neither Amt nor AmtDtls/TxAmt/Amt, and the entry has 2 TxDtls",
                    "the 2 TxDtls add up to 20.000 KWD, Ntry/Amt is 30.000",
                    "TxDtls[1]/Amt: amount \"10.0001\" has more decimals than KWD allows (3)");
            assertThat(details.get(0)).contains("(line 14)");
            assertThat(details.get(1)).contains("27.11.2025").contains("(line 23)");
        }
    }

    @Test
    void anEntryIsLoggedWithoutTheCardNumbersItCarries() throws IOException {
        Path file = dir.resolve("log.xml");
        Camt054TestFiles.write(file, Camt054Version.V08, "LOG", 1);

        try (Camt054Reader reader = Camt054Reader.open(file)) {
            assertThat(reader.next().toString()).doesNotContain("4242 4242 4242 0001").contains("**** **** **** 0001");
        }
    }
}
