import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** epubcheck on many files in one JVM, its start-up and warm-up paid once: each
 *  line of standard input is a book's path, checked as it comes, its report
 *  between "=== path" and "=== end". The tests keep one such JVM per process. */
public class EpubcheckMany {
    public static void main(String[] args) throws Exception {
        System.setErr(System.out);  // one stream, so that each report stays between its markers
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String path; (path = in.readLine()) != null; ) {
            System.out.println("=== " + path);
            new EpubChecker().run(new String[] {path});
            System.out.println("=== end");
            System.out.flush();
        }
    }
}
