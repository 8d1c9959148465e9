// Captures one inference step of a two-layer MLP with a residual connection and a layer norm,
//   y = LayerNorm(x + GELU(x W1 + b1) W2 + b2) with weight gamma and bias beta,
// copying x in from and y out to pinned host memory inside the capture. The model is then
// replayed with new inputs written to the host buffer, and every replay's output is compared
// with a plain-Java computation of the same step; the last line prints the largest difference.
//
// Run (after `mvn -q -DskipTests package`):
//   java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/MlpCapture.java
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.CubeMathType;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.ElementwiseOperator;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.MatmulOperator;
import io.aclgraph4j.Model;
import io.aclgraph4j.NormOperator;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.util.Locale;
import java.util.Random;

public class MlpCapture {
    static final int BATCH = 8;
    static final int WIDTH = 64;   // model width
    static final int HIDDEN = 256; // hidden layer width
    static final int REPLAYS = 5;
    static final double EPS = 1e-5;

    public static void main(String[] args) {
        Random random = new Random(42);
        float[] w1 = randomValues(random, WIDTH * HIDDEN, 1 / Math.sqrt(WIDTH));
        float[] b1 = randomValues(random, HIDDEN, 0.1);
        float[] w2 = randomValues(random, HIDDEN * WIDTH, 1 / Math.sqrt(HIDDEN));
        float[] b2 = randomValues(random, WIDTH, 0.1);
        float[] gamma = randomValues(random, WIDTH, 1);
        float[] beta = randomValues(random, WIDTH, 0.5);

        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream stream = device.createStream()) {
            // Weights: copied once, before the capture.
            Tensor tW1 = upload(device, w1, WIDTH, HIDDEN);
            Tensor tB1 = upload(device, b1, HIDDEN);
            Tensor tW2 = upload(device, w2, HIDDEN, WIDTH);
            Tensor tB2 = upload(device, b2, WIDTH);
            Tensor tGamma = upload(device, gamma, WIDTH);
            Tensor tBeta = upload(device, beta, WIDTH);
            // Activations.
            Tensor x = device.tensor(DataType.FLOAT, BATCH, WIDTH);
            Tensor hidden = device.tensor(DataType.FLOAT, BATCH, HIDDEN);
            Tensor activated = device.tensor(DataType.FLOAT, BATCH, HIDDEN);
            Tensor projected = device.tensor(DataType.FLOAT, BATCH, WIDTH);
            Tensor y = device.tensor(DataType.FLOAT, BATCH, WIDTH);
            Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
            HostBuffer input = device.allocateHost(x.byteSize());
            HostBuffer output = device.allocateHost(y.byteSize());

            Model model;
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                stream.copyAsync(input, x);
                MatmulOperator.mm(x, tW1, hidden, CubeMathType.KEEP_DTYPE).launch(stream);
                AddOperator.inplaceAdd(hidden, tB1, one).launch(stream);                 // bias, broadcast over rows
                ElementwiseOperator.gelu(hidden, activated).launch(stream);
                MatmulOperator.mm(activated, tW2, projected, CubeMathType.KEEP_DTYPE).launch(stream);
                AddOperator.inplaceAdd(projected, tB2, one).launch(stream);
                AddOperator.inplaceAdd(projected, x, one).launch(stream);                 // residual
                NormOperator.layerNorm(projected, new long[] {WIDTH}, tGamma, tBeta, EPS, y, null, null)
                        .launch(stream);
                stream.copyAsync(y, output);
                model = capture.end();
            }

            double largest = 0;
            for (int replay = 0; replay < REPLAYS; replay++) {
                float[] values = randomValues(random, BATCH * WIDTH, 2);
                input.write(values);                 // new input: the replay reads the host buffer anew
                model.execute(stream);
                float[] result = output.toFloatArray();
                float[] expected = reference(values, w1, b1, w2, b2, gamma, beta);
                double difference = 0;
                for (int i = 0; i < result.length; i++) {
                    difference = Math.max(difference, Math.abs(result[i] - expected[i]));
                }
                largest = Math.max(largest, difference);
                System.out.printf(Locale.ROOT, "replay %d: y[0][0..3] = %.5f %.5f %.5f %.5f, largest difference %.3g%n",
                        replay + 1, result[0], result[1], result[2], result[3], difference);
            }
            System.out.printf(Locale.ROOT, "largest difference from the plain-Java step over %d replays: %.3g%n",
                    REPLAYS, largest);
            model.close();
        }
    }

    static float[] randomValues(Random random, int count, double scale) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }

    static Tensor upload(Device device, float[] values, long... shape) {
        Tensor tensor = device.tensor(DataType.FLOAT, shape);
        try (HostBuffer host = device.allocateHost(tensor.byteSize())) {
            host.write(values);
            device.copy(host, tensor);
        }
        return tensor;
    }

    /** The same step in double precision. */
    static float[] reference(float[] x, float[] w1, float[] b1, float[] w2, float[] b2, float[] gamma, float[] beta) {
        float[] y = new float[BATCH * WIDTH];
        for (int r = 0; r < BATCH; r++) {
            double[] hidden = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double sum = b1[j];
                for (int k = 0; k < WIDTH; k++) {
                    sum += (double) x[r * WIDTH + k] * w1[k * HIDDEN + j];
                }
                double u = Math.sqrt(2 / Math.PI) * (sum + 0.044715 * sum * sum * sum);
                hidden[j] = 0.5 * sum * (1 + Math.tanh(u));
            }
            double[] z = new double[WIDTH];
            double mean = 0;
            for (int j = 0; j < WIDTH; j++) {
                double sum = b2[j] + x[r * WIDTH + j];
                for (int k = 0; k < HIDDEN; k++) {
                    sum += hidden[k] * w2[k * WIDTH + j];
                }
                z[j] = sum;
                mean += sum / WIDTH;
            }
            double variance = 0;
            for (int j = 0; j < WIDTH; j++) {
                variance += (z[j] - mean) * (z[j] - mean) / WIDTH;
            }
            double rstd = 1 / Math.sqrt(variance + EPS);
            for (int j = 0; j < WIDTH; j++) {
                y[r * WIDTH + j] = (float) ((z[j] - mean) * rstd * gamma[j] + beta[j]);
            }
        }
        return y;
    }
}
