package dev.forkstate.collect.smoke;

import dev.forkstate.fact.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a JUnit XML report (pytest's --junitxml, or any runner's) into counts and the notable test cases. Counts
 * come from the testcase elements, not the suite attributes, so a report cut short cannot claim more than it shows.
 */
public final class JunitReport {
  private static final int MESSAGE_LINES = 3;
  private static final int MESSAGE_CHARS = 300;

  private JunitReport() {}

  /** Thrown when the file is missing or is not a JUnit XML report. */
  public static final class Unreadable extends Exception {
    public Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static Value.Tests read(Path xml, Path repo) throws Unreadable {
    Document doc;
    try (InputStream in = Files.newInputStream(xml)) {
      doc = builder().parse(in);
    } catch (IOException e) {
      throw new Unreadable("cannot read JUnit XML: " + e.getMessage(), e);
    } catch (SAXException e) {
      throw new Unreadable("malformed JUnit XML: " + e.getMessage(), e);
    }
    String root = doc.getDocumentElement().getTagName();
    if (!root.equals("testsuites") && !root.equals("testsuite")) {
      throw new Unreadable("not a JUnit XML report: root element <" + root + ">", null);
    }
    NodeList cases = doc.getElementsByTagName("testcase");
    int passed = 0;
    int failed = 0;
    int errors = 0;
    int skipped = 0;
    List<Value.TestCase> notable = new ArrayList<>();
    List<String> passedIds = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element tc = (Element) cases.item(i);
      String id = NodeIds.of(tc.getAttribute("classname"), tc.getAttribute("name"), repo);
      Element outcome = firstChild(tc, "failure", "error", "skipped");
      if (outcome == null) {
        passed++;
        passedIds.add(id);
        continue;
      }
      String kind = outcome.getTagName();
      switch (kind) {
        case "failure" -> failed++;
        case "error" -> errors++;
        default -> skipped++;
      }
      notable.add(new Value.TestCase(id, kind.equals("skipped") ? "skipped" : kind.equals("error") ? "error" : "failed",
          message(outcome)));
    }
    return new Value.Tests(passed, failed, errors, skipped, notable, passedIds);
  }

  private static DocumentBuilder builder() throws Unreadable {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      // Test output is untrusted text: no DTDs, no external entities.
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b;
    } catch (ParserConfigurationException e) {
      throw new Unreadable("XML parser unavailable: " + e.getMessage(), e);
    }
  }

  private static Element firstChild(Element parent, String... names) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        for (String name : names) {
          if (e.getTagName().equals(name)) {
            return e;
          }
        }
      }
    }
    return null;
  }

  /** The first lines of the message attribute, or of the element text when there is none. */
  private static String message(Element e) {
    String text = e.getAttribute("message");
    if (text.isBlank()) {
      text = e.getTextContent() == null ? "" : e.getTextContent();
    }
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(MESSAGE_LINES).toList();
    // Normalized as command output is: a repr's address or a timing would make the same failure read differently.
    String joined = dev.forkstate.exec.OutputNormalizer.normalize(String.join(" / ", lines));
    return joined.length() > MESSAGE_CHARS ? joined.substring(0, MESSAGE_CHARS) + "…" : joined;
  }
}
